// Command runner starts one program for congkhai-bench and reports its wall time and peak
// memory:
//
//	runner RESULT PROGRAM ARGS...
//
// runs PROGRAM with the runner's standard output and error, and writes into RESULT its wall
// time (ns), its peak resident set (bytes) and its exit code.
//
// Linux keeps a process's memory high-water mark across exec, and Go starts a child with
// vfork, sharing the parent's memory until exec: a program the bench started itself would
// report at least the bench's own peak, and the bench holds whole sites in memory. Started
// from this small program instead, its peak includes at most the runner's few megabytes.
// The program is killed if the runner is (the bench kills the runner on a timeout).
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "cách dùng: runner KẾT-QUẢ CHƯƠNG-TRÌNH [ĐỐI-SỐ…]")
		os.Exit(2)
	}
	cmd := exec.Command(os.Args[2], os.Args[3:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = dieWithParent()
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	result := fmt.Sprintf("%d %d %d\n", wall.Nanoseconds(), maxRSS(cmd.ProcessState), code)
	if err := os.WriteFile(os.Args[1], []byte(result), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
