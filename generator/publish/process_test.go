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
// input closes (pause). With $CONGKHAI_PUBLISH_RENAMES=1 it swaps with two renames.
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
	forceRenames = os.Getenv("CONGKHAI_PUBLISH_RENAMES") == "1"
	write := Write
	if os.Getenv("CONGKHAI_PUBLISH_INCREMENTAL") == "1" {
		write = func(out string, files []File) (Stats, error) { return putAll(out, Options{}, files) }
	}
	if _, err := write(out, site("B")); err != nil {
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

// A build killed at any step of publishing leaves a whole site at out, the old or the new
// one, never a mix. The one exception is the moment between the two renames, where the
// system cannot exchange folders: there out is missing and the old site is aside, whole.
// The next build puts back what was published, before anything else, removes the rest and
// publishes. Both ways of swapping are killed at every step the package names.
func TestKilledBuildsRecover(t *testing.T) {
	for s := range numSteps {
		if s.String() == "" || strings.ContainsAny(s.String(), " /") {
			t.Fatalf("step %d has no usable name: %q", s, s.String())
		}
	}
	scenarios := []struct {
		name string
		// setup prepares dir and returns out and the folder that holds the site.
		setup func(t *testing.T, dir string) (out, dst string)
	}{
		{"first build", func(t *testing.T, dir string) (string, string) {
			out := filepath.Join(dir, "public")
			return out, out
		}},
		{"published", func(t *testing.T, dir string) (string, string) {
			out := filepath.Join(dir, "public")
			publish(t, out, "A")
			return out, out
		}},
		{"interrupted", func(t *testing.T, dir string) (string, string) {
			// A build killed between the two renames: out is aside, the new site not in place.
			out := filepath.Join(dir, "public")
			publish(t, out, "A")
			if err := os.Rename(out, filepath.Join(dir, ".public-old-0a1b2c3d4e5f")); err != nil {
				t.Fatal(err)
			}
			mkdir(t, dir, ".public-new-1a2b3c4d5e6f", Marker, "index.html", "ke-hoach/a/index.html")
			return out, out
		}},
		{"symlink", func(t *testing.T, dir string) (string, string) {
			dst := filepath.Join(dir, "www", "html")
			publish(t, dst, "A")
			out := filepath.Join(dir, "site", "public")
			os.MkdirAll(filepath.Dir(out), 0o755)
			if err := os.Symlink("../www/html", out); err != nil {
				t.Fatal(err)
			}
			return out, dst
		}},
	}
	var mu sync.Mutex
	killed := map[string]bool{} // "exchange/locked"...
	t.Run("kills", func(t *testing.T) {
		for _, swap := range []string{"exchange", "renames"} {
			for _, sc := range scenarios {
				for s := range numSteps {
					t.Run(swap+"/"+sc.name+"/"+s.String(), func(t *testing.T) {
						t.Parallel()
						dir := t.TempDir()
						out, dst := sc.setup(t, dir)
						before := "A"
						if sc.name == "first build" {
							before = ""
						}
						var env []string
						if swap == "renames" {
							env = append(env, "CONGKHAI_PUBLISH_RENAMES=1")
						}
						switch got := startChild(t, out, s.String(), "kill", env...).wait(); got {
						case "killed":
							mu.Lock()
							killed[swap+"/"+s.String()] = true
							mu.Unlock()
						case "published":
							// This build does not pass the step; what it left is checked all the same.
						default:
							t.Fatalf("the build: %s", got)
						}

						v := version(t, dst, "A", "B")
						if v == "" && tree(t, dst) != nil {
							t.Fatalf("after the kill, out holds neither site whole: %s", describe(t, dst))
						}
						mayMiss := before == "" || sc.name == "interrupted" && s == stepLocked || s == stepMovedOld
						if v == "" && !mayMiss {
							t.Fatalf("after the kill, out is missing")
						}
						if v == "" && before != "" {
							found := false
							for _, name := range leftovers(t, filepath.Dir(dst)) {
								if strings.HasPrefix(name, ".html-old-") || strings.HasPrefix(name, ".public-old-") {
									found = found || version(t, filepath.Join(filepath.Dir(dst), name), before) != ""
								}
							}
							if !found {
								t.Fatalf("after the kill, out is missing and the published site is nowhere whole")
							}
						}

						// The next build, first thing: out is whole again, nothing else is left.
						var notes []string
						if err := Recover(out, func(s string) { notes = append(notes, s) }); err != nil {
							t.Fatal(err)
						}
						switch v2 := version(t, dst, "A", "B"); {
						case v == "" && before != "" && v2 != before:
							t.Fatalf("out was missing; Recover put back %s (%v), not the published site", describe(t, dst), notes)
						case v != "" && v2 != v:
							t.Fatalf("out held %s; after Recover: %s", v, describe(t, dst))
						}
						for _, name := range leftovers(t, filepath.Dir(dst)) {
							if strings.Contains(name, "-new-") || strings.Contains(name, "-old-") {
								t.Errorf("after Recover: %s is left (%v)", name, notes)
							}
						}
						publish(t, out, "C")
						if version(t, dst, "C") == "" {
							t.Fatalf("the next build published %s", describe(t, dst))
						}
						if left := leftovers(t, filepath.Dir(dst), filepath.Base(dst)); len(left) > 0 {
							t.Errorf("the next build left %v", left)
						}
						if sc.name == "symlink" {
							if link, err := os.Readlink(out); link != "../www/html" {
								t.Errorf("out links to %q (%v)", link, err)
							}
						}
					})
				}
			}
		}
	})
	// Every step is passed by some build of each way of swapping, except the steps of the
	// other way. Where the system cannot exchange, "exchange" swaps with two renames.
	exchanges := exchangeWorks(t)
	for _, swap := range []string{"exchange", "renames"} {
		for s := range numSteps {
			renames := swap == "renames" || !exchanges
			other := renames && s == stepExchanged || !renames && (s == stepMovedOld || s == stepMovedNew) ||
				s == stepApplying || s == stepApplied // incremental builds only (see below)
			switch {
			case killed[swap+"/"+s.String()] && other:
				t.Errorf("%s: a build was killed at step %s, which only the other way of swapping has", swap, s)
			case !killed[swap+"/"+s.String()] && !other:
				t.Errorf("%s: no build was killed at step %s", swap, s)
			}
		}
	}
}

// exchangeWorks tells whether folders in the tests' temporary folder can be exchanged.
func exchangeWorks(t *testing.T) bool {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Mkdir(a, 0o755)
	os.Mkdir(b, 0o755)
	err := disk.exchange(a, b)
	if err != nil && !exchangeUnsupported(err) {
		t.Fatal(err)
	}
	return err == nil
}

// An incremental build killed at any step leaves what was published untouched, or, once it
// has begun to move its files into out, a journal the next build completes before anything
// else: then out holds the new site whole. Nothing else is left.
func TestKilledIncrementalBuildsRecover(t *testing.T) {
	var mu sync.Mutex
	killed := map[step]bool{}
	for s := range numSteps {
		t.Run(s.String(), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			out := filepath.Join(dir, "public")
			publishIncremental(t, out, "A")
			switch got := startChild(t, out, s.String(), "kill", "CONGKHAI_PUBLISH_INCREMENTAL=1").wait(); got {
			case "killed":
				mu.Lock()
				killed[s] = true
				mu.Unlock()
			case "published":
			default:
				t.Fatalf("the build: %s", got)
			}
			_, journaled := os.Lstat(journalName(out))
			v := version(t, out, "A", "B")
			if v == "" && journaled != nil {
				t.Fatalf("after the kill, out holds neither site whole and no journal: %s", describe(t, out))
			}
			var notes []string
			if err := Recover(out, func(s string) { notes = append(notes, s) }); err != nil {
				t.Fatal(err)
			}
			v2 := version(t, out, "A", "B")
			switch {
			case journaled == nil && v2 != "B":
				t.Fatalf("a journal was left; after Recover out holds %s (%v)", describe(t, out), notes)
			case journaled != nil && v2 != v:
				t.Fatalf("out held %s; after Recover: %s", v, describe(t, out))
			}
			for _, name := range leftovers(t, dir) {
				if strings.Contains(name, "-new-") || strings.Contains(name, "-journal") {
					t.Errorf("after Recover: %s is left (%v)", name, notes)
				}
			}
			st := publishIncremental(t, out, "C")
			if version(t, out, "C") == "" {
				t.Fatalf("the next build published %s", describe(t, out))
			}
			// From A or B to C: two files change, one is new, one goes. A build killed
			// before its journal leaves A, and the manifest of A, trusted.
			if st.Written != 3 || st.Removed != 1 {
				t.Errorf("the next build wrote %d files and removed %d; want 3 and 1", st.Written, st.Removed)
			}
			if left := leftovers(t, dir, "public"); len(left) > 0 {
				t.Errorf("the next build left %v", left)
			}
		})
	}
	t.Cleanup(func() {
		for _, s := range []step{stepLocked, stepCreated, stepMarked, stepWriting, stepWritten, stepApplying, stepApplied, stepRemoving} {
			if !killed[s] {
				t.Errorf("no incremental build was killed at step %s", s)
			}
		}
	})
}
