//go:build linux

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
