//go:build darwin || dragonfly || freebsd || linux || netbsd || openbsd

package publish

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// TestHelperProcess is not a test. The tests below run the test binary again as a build
// that publishes site("B") to $CONGKHAI_PUBLISH_OUT and, at the step $CONGKHAI_PUBLISH_STEP,
// kills itself ($CONGKHAI_PUBLISH_AT=kill) or says "paused" and waits until its standard
// input closes (pause).
func TestHelperProcess(t *testing.T) {
	out := os.Getenv("CONGKHAI_PUBLISH_OUT")
	if out == "" {
		return
	}
	stop := os.Getenv("CONGKHAI_PUBLISH_STEP")
	stepHook = func(s step) {
		if s.String() != stop {
			return
		}
		switch os.Getenv("CONGKHAI_PUBLISH_AT") {
		case "kill":
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		case "pause":
			fmt.Println("paused")
			io.Copy(io.Discard, os.Stdin)
		}
	}
	if _, err := Write(out, site("B")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(3)
	}
	os.Exit(0)
}

// child is a build run by TestHelperProcess.
type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr bytes.Buffer
}

func startChild(t *testing.T, out, stop, at string, env ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")}
	c.cmd.Env = append(os.Environ(), append(env,
		"CONGKHAI_PUBLISH_OUT="+out, "CONGKHAI_PUBLISH_STEP="+stop, "CONGKHAI_PUBLISH_AT="+at)...)
	c.cmd.Stderr = &c.stderr
	var err error
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.stdout = bufio.NewReader(stdout)
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.cmd.Process.Kill(); c.wait() })
	return c
}

// paused waits until the child says it is paused.
func (c *child) paused(t *testing.T) {
	t.Helper()
	if line, err := c.stdout.ReadString('\n'); line != "paused\n" {
		c.wait()
		t.Fatalf("the build did not pause (%q, %v): %s", line, err, c.stderr.String())
	}
}

// wait waits until the child ends and tells how: "killed", "published", or its error.
func (c *child) wait() string {
	io.Copy(io.Discard, c.stdout)
	err := c.cmd.Wait()
	if ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
		return "killed"
	}
	if err == nil {
		return "published"
	}
	return fmt.Sprintf("%v: %s", err, c.stderr.String())
}

// news lists the new folders beside out.
func news(t *testing.T, out string) []string {
	t.Helper()
	var n []string
	for _, name := range leftovers(t, filepath.Dir(out)) {
		if strings.HasPrefix(name, "."+filepath.Base(out)+"-new-") {
			n = append(n, filepath.Join(filepath.Dir(out), name))
		}
	}
	return n
}

// While one build writes, another build of the same out is refused with a clear message,
// and its start-up repair leaves the first build's folder alone. A build killed while it
// writes holds the lock no longer, and its folder is removed by the next build.
func TestConcurrentBuildsOfOneOut(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	publish(t, out, "A")

	c := startChild(t, out, stepWritten.String(), "pause")
	c.paused(t)
	if err := Recover(out, nil); err != nil {
		t.Fatal(err)
	}
	if n := news(t, out); len(n) != 1 || version(t, n[0], "B") != "B" {
		t.Fatalf("the paused build's folder: %v", n)
	}
	_, err := Write(out, site("C"))
	if want := "một lần dựng khác đang ghi vào " + out; err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("a second build: %v; want %q", err, want)
	}
	if version(t, out, "A") == "" {
		t.Errorf("while the first build is paused, out holds %s", describe(t, out))
	}
	c.stdin.Close()
	if got := c.wait(); got != "published" {
		t.Fatalf("the first build: %s", got)
	}
	if version(t, out, "B") == "" {
		t.Errorf("the first build published, and out holds %s", describe(t, out))
	}

	c = startChild(t, out, stepWritten.String(), "pause")
	c.paused(t)
	c.cmd.Process.Kill()
	if got := c.wait(); got != "killed" {
		t.Fatalf("the build: %s", got)
	}
	if len(news(t, out)) != 1 {
		t.Fatalf("the killed build left no folder; the test tests nothing")
	}
	publish(t, out, "C")
	if left := leftovers(t, parent, "public"); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}

// Builds in one process that publish to the same out at the same time: each publishes whole
// or is refused, and none removes what another is writing.
func TestConcurrentWrites(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	publish(t, out, "A")
	var wg sync.WaitGroup
	for _, v := range []string{"B", "C", "D"} {
		wg.Go(func() {
			for range 5 {
				if _, err := Write(out, site(v)); err != nil && !strings.Contains(err.Error(), "một lần dựng khác đang ghi vào") {
					t.Error(err)
				}
			}
		})
	}
	wg.Wait()
	if version(t, out, "B", "C", "D") == "" {
		t.Errorf("out holds %s", describe(t, out))
	}
	if left := leftovers(t, parent, "public"); len(left) > 0 {
		t.Errorf("left: %v", left)
	}
}
