package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// site returns a small site in version v. Every version has a file of its own, so a mix of
// two versions shows.
func site(v string) []File {
	return []File{
		{Path: "index.html", Data: []byte("<h1>" + v + "</h1>")},
		{Path: "ke-hoach/a/index.html", Data: []byte("a " + v)},
		{Path: "chi-" + v + ".txt", Data: []byte(v)},
	}
}

// want is the tree (see tree) of site(v) once published.
func want(v string) map[string]string {
	w := map[string]string{".": "dir 755", Marker: "644 marker"}
	for _, f := range site(v) {
		w[f.Path] = "644 " + string(f.Data)
		for d := filepath.Dir(f.Path); d != "."; d = filepath.Dir(d) {
			w[filepath.ToSlash(d)] = "dir 755"
		}
	}
	return w
}

// tree describes what is in dir: each folder with its mode, each file with its mode and
// content. It is nil if dir does not exist.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	got := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		st, err := d.Info()
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			got[rel] = fmt.Sprintf("dir %o", st.Mode().Perm())
		case d.Type().IsRegular():
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if rel == Marker && bytes.HasPrefix(b, markerText) {
				b = []byte("marker") // it names the build, which each test need not know
			}
			got[rel] = fmt.Sprintf("%o %s", st.Mode().Perm(), b)
		default:
			got[rel] = st.Mode().String()
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// version returns which of the versions of site is whole in dir, or "" if none is: missing,
// partial or a mix.
func version(t *testing.T, dir string, versions ...string) string {
	t.Helper()
	got := tree(t, dir)
	for _, v := range versions {
		if maps.Equal(got, want(v)) {
			return v
		}
	}
	return ""
}

// describe lists a tree briefly, for failure messages.
func describe(t *testing.T, dir string) string {
	t.Helper()
	got := tree(t, dir)
	if got == nil {
		return "nothing"
	}
	return strings.Join(slices.Sorted(maps.Keys(got)), " ")
}

// publish writes site(v) to out, failing the test on error.
func publish(t *testing.T, out, v string) {
	t.Helper()
	if _, err := Write(out, site(v)); err != nil {
		t.Fatalf("publish %s: %v", v, err)
	}
}

// publishIncremental publishes site(v) to out through an incremental session, failing the
// test on error.
func publishIncremental(t *testing.T, out, v string) Stats {
	t.Helper()
	st, err := putAll(out, Options{}, site(v))
	if err != nil {
		t.Fatalf("publish %s: %v", v, err)
	}
	return st
}

// putAll publishes files through a session.
func putAll(out string, opts Options, files []File) (Stats, error) {
	s, err := Open(out, opts)
	if err != nil {
		return Stats{}, err
	}
	defer s.Close()
	for _, f := range files {
		if err := s.Put(f, 0); err != nil {
			return Stats{}, err
		}
	}
	return s.Commit()
}

// leftovers lists what is in dir besides the names kept and the manifests of what is
// published, which sit beside it by design.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range entries {
		if !slices.Contains(keep, e.Name()) && !strings.HasSuffix(e.Name(), "-manifest") {
			left = append(left, e.Name())
		}
	}
	return left
}
