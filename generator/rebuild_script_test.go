package generator_test

import (
	"bytes"
	"context"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"congkhai/generator"
	"congkhai/generator/schedule"
)

// Edit-and-rebuild scripts, as Hugo's integration tests are written: each archive in
// testdata/rebuild holds a site (files under content/, templates/ and static/) and, after
// it, steps, each a file whose name is a command:
//
//	> edit NAME          the file NAME gets the step's text (a new file, or new bytes)
//	> remove NAME        the file NAME is removed
//	> as-of YYYY-MM-DD   the next builds count up to this day (else 2026-12-06)
//	> build              a build into the same folder, incremental after the first
//	> build fails        a build that must fail, its text the lines its error must hold
//	> rendered           the outputs the last build rendered again
//	> written            the files it wrote, their bytes having changed
//	> removed            the files it removed
//
// The lists are path patterns (path.Match, or ** for any path), a line each: every path must match a pattern
// and every pattern a path, so a list says exactly what happened; "nothing" is an empty
// list. After every build, what was published is compared with a clean build of the same
// content, byte for byte. The archive's comment says what the script shows.
func TestRebuildScripts(t *testing.T) {
	scripts, err := filepath.Glob("../testdata/rebuild/*.txtar")
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts in ../testdata/rebuild: %v", err)
	}
	for _, name := range scripts {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(name)
			if err != nil {
				t.Fatal(err)
			}
			runScript(t, ar)
		})
	}
}

func runScript(t *testing.T, ar *txtar.Archive) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	asOf := asOf
	var last *generator.Result
	options := func(out string, clean bool) generator.Options {
		opts := generator.Options{Content: os.DirFS(filepath.Join(dir, "content")), Out: out, AsOf: asOf, Clean: clean}
		if _, err := os.Stat(filepath.Join(dir, "templates")); err == nil {
			opts.Templates = os.DirFS(filepath.Join(dir, "templates"))
		}
		if _, err := os.Stat(filepath.Join(dir, "static")); err == nil {
			opts.Static = os.DirFS(filepath.Join(dir, "static"))
		}
		return opts
	}
	for _, f := range ar.Files {
		step, isStep := strings.CutPrefix(f.Name, ">")
		if !isStep {
			write(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
			continue
		}
		step = strings.TrimSpace(step)
		verb, arg, _ := strings.Cut(step, " ")
		switch verb {
		case "edit":
			write(t, filepath.Join(dir, filepath.FromSlash(arg)), string(f.Data))
		case "remove":
			if err := os.Remove(filepath.Join(dir, filepath.FromSlash(arg))); err != nil {
				t.Fatal(err)
			}
		case "as-of":
			d, err := schedule.ParseISO(arg)
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			asOf = d
		case "build":
			var before map[string][]byte
			if _, err := os.Stat(out); err == nil {
				before = readTree(t, out)
			}
			res, err := generator.Build(context.Background(), options(out, false))
			if arg == "fails" {
				if err == nil {
					t.Fatalf("%s: the build succeeded", step)
				}
				for _, line := range lines(f.Data) {
					if !strings.Contains(err.Error(), line) {
						t.Errorf("%s: the error does not say %q:\n%v", step, line, err)
					}
				}
				if after, err := os.Stat(out); (err == nil) != (before != nil) || before != nil && after != nil && !sameTree(before, readTree(t, out)) {
					t.Errorf("%s: the failed build changed what was published", step)
				}
				last = nil
				continue
			}
			if err != nil {
				t.Fatalf("%s: %v", step, err)
			}
			last = res
			clean := filepath.Join(t.TempDir(), "public")
			if _, err := generator.Build(context.Background(), options(clean, true)); err != nil {
				t.Fatalf("clean build: %v", err)
			}
			if got, want := readTree(t, out), readTree(t, clean); !sameTree(got, want) {
				for p := range union(got, want) {
					if !bytes.Equal(got[p], want[p]) {
						t.Errorf("after %q: %s differs from a clean build's", step, p)
					}
				}
			}
		case "rendered", "written", "removed":
			if last == nil {
				t.Fatalf("%q follows no successful build", f.Name)
			}
			got := map[string][]string{"rendered": last.RenderedPaths, "written": last.Stats.WrittenPaths, "removed": last.Stats.RemovedPaths}[verb]
			if problems := matchList(got, lines(f.Data)); len(problems) > 0 {
				t.Errorf("%s: %s\n%s: %s", verb, strings.Join(problems, "; "), verb, strings.Join(got, " "))
			}
		default:
			t.Fatalf("unknown step %q", f.Name)
		}
	}
}

// matchList says how paths and patterns differ: a path no pattern matches, a pattern that
// matches no path.
func matchList(paths, patterns []string) []string {
	if len(patterns) == 1 && patterns[0] == "nothing" {
		patterns = nil
	}
	var problems []string
	used := make([]bool, len(patterns))
	for _, p := range paths {
		ok := false
		for i, pat := range patterns {
			if m, _ := path.Match(pat, p); m || pat == "**" {
				ok, used[i] = true, true
			}
		}
		if !ok {
			problems = append(problems, "unexpected "+p)
		}
	}
	for i, pat := range patterns {
		if !used[i] {
			problems = append(problems, "none matches "+pat)
		}
	}
	return problems
}

// lines are the non-empty lines of a step's text, without the comments (#).
func lines(b []byte) []string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return slices.Clip(out)
}
