// Command runner starts one program for congkhai-bench and reports its wall time and peak
// memory:
//
//	runner RESULT PROGRAM ARGS...
//
// runs PROGRAM with the runner's standard output and error, and writes into RESULT its wall
// time (ns), its peak resident set (bytes) and its exit code, or minus the signal that
// killed it.
//
// Linux keeps a process's memory high-water mark across exec, and Go starts a child with
// vfork, sharing the parent's memory until exec: a program the bench started itself would
// report at least the bench's own peak, and the bench holds whole sites in memory. Started
// from this small program instead, its peak includes at most the runner's few megabytes.
// The program is killed if the runner is (the bench kills the runner on a timeout). An
// interrupt or termination signal the runner receives is passed on to the program, whose
// figures the runner still writes when it ends: that is how the bench stops a server.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"syscall"
	"time"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	if len(args) < 2 {
		fmt.Fprintln(os.Stderr, "cách dùng: runner KẾT-QUẢ CHƯƠNG-TRÌNH [ĐỐI-SỐ…]")
		return 2
	}
	cmd := exec.Command(args[1], args[2:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.SysProcAttr = dieWithParent()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(signals)
	start := time.Now()
	err := cmd.Start()
	if err == nil {
		done := make(chan struct{})
		go func() {
			for {
				select {
				case sig := <-signals:
					cmd.Process.Signal(sig)
				case <-done:
					return
				}
			}
		}()
		err = cmd.Wait()
		close(done)
	}
	wall := time.Since(start)
	code := 0
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
		if sig := signaled(cmd.ProcessState); sig != 0 {
			code = -sig
		}
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	result := fmt.Sprintf("%d %d %d\n", wall.Nanoseconds(), maxRSS(cmd.ProcessState), code)
	if err := os.WriteFile(args[0], []byte(result), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}
