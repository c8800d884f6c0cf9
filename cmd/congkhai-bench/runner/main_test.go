//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The runner reports a program's wall time, peak memory and exit code, or minus the signal
// that killed it.
func TestRunnerReports(t *testing.T) {
	for _, c := range []struct {
		script, code string
	}{{"exit 0", "0"}, {"exit 3", "3"}, {"kill -9 $$", "-9"}} {
		result := filepath.Join(t.TempDir(), "result")
		if got := run([]string{result, "/bin/sh", "-c", c.script}); got != 0 {
			t.Fatalf("%q: runner exit %d", c.script, got)
		}
		data, err := os.ReadFile(result)
		if err != nil {
			t.Fatal(err)
		}
		f := strings.Fields(string(data))
		if len(f) != 3 || f[2] != c.code || f[1] == "0" {
			t.Errorf("%q: result %q, want wall, a peak memory and code %s", c.script, data, c.code)
		}
	}
}

// An interrupt sent to the runner reaches the program, which ends as it chooses to, and the
// runner still writes its figures: the bench stops congkhai serve so.
func TestRunnerPassesInterruptOn(t *testing.T) {
	dir := t.TempDir()
	result, started := filepath.Join(dir, "result"), filepath.Join(dir, "started")
	script := "trap 'exit 7' INT; touch " + started + "; while :; do sleep 0.01; done"
	done := make(chan int, 1)
	go func() { done <- run([]string{result, "/bin/sh", "-c", script}) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if _, err := os.Stat(started); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the program did not start")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-done:
		if got != 0 {
			t.Fatalf("runner exit %d", got)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the program did not end on the interrupt")
	}
	data, err := os.ReadFile(result)
	if err != nil {
		t.Fatal(err)
	}
	if f := strings.Fields(string(data)); len(f) != 3 || f[2] != "7" {
		t.Errorf("result %q, want the program's own exit code 7", data)
	}
}
