package publish

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Folders that builds left beside out are removed at start-up, and by Write, but only those
// congkhai made: named as it names them, and holding its marker or nothing.
func TestRecoverRemovesOnlyCongkhaisLeftovers(t *testing.T) {
	for _, name := range []string{"Recover", "Write"} {
		t.Run(name, func(t *testing.T) {
			parent := t.TempDir()
			out := filepath.Join(parent, "public")
			publish(t, out, "A")
			mkdir(t, parent, ".public-new-1a2b3c4d5e6f", Marker, "index.html", "ke-hoach/a/index.html") // killed while writing
			mkdir(t, parent, ".public-new-2916734051")                                                  // empty; named by an older congkhai
			mkdir(t, parent, ".public-old-0a1b2c3d4e5f", Marker, "index.html")                          // not removed after a swap
			mkdir(t, parent, ".public-old-7a7a", Marker)                                                // removal cut short
			keep := []string{
				mkdir(t, parent, ".public-new-abcdef", "index.html"),           // no marker: someone's own
				mkdir(t, parent, ".public-old-0a1b2c", "index.html"),           // no marker: someone's own
				mkdir(t, parent, ".public-new-new-1a2b", Marker, "index.html"), // the new site of --out public-new
				mkdir(t, parent, ".public-new-backup", Marker, "index.html"),   // not a name congkhai makes
				mkdir(t, parent, ".public-old-1a2b.tar", Marker, "index.html"), // nor this
				mkdir(t, parent, "public-new-1a2b3c", Marker, "index.html"),    // nor this
			}
			var notes []string
			if name == "Recover" {
				if err := Recover(out, func(s string) { notes = append(notes, s) }); err != nil {
					t.Fatal(err)
				}
				if len(notes) != 1 || !strings.Contains(notes[0], "đã xóa 4 thư mục") {
					t.Errorf("notes: %q", notes)
				}
				if version(t, out, "A") == "" {
					t.Errorf("out holds %s", describe(t, out))
				}
			} else {
				publish(t, out, "B")
			}
			left := leftovers(t, parent, "public")
			slices.Sort(left)
			slices.Sort(keep)
			if !slices.Equal(left, keep) {
				t.Errorf("left %v, want %v", left, keep)
			}
			for _, k := range keep {
				if _, err := os.Stat(filepath.Join(parent, k, "index.html")); err != nil {
					t.Errorf("%s lost its file: %v", k, err)
				}
			}
		})
	}
}

// mkdir makes the folder name in parent, with the files named, and returns name.
func mkdir(t *testing.T, parent, name string, files ...string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(parent, name), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		p := filepath.Join(parent, name, f)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return name
}

// With nothing to repair, Recover writes nothing, not even its lock: it runs before every
// build, also on a read-only disk and before --out's folder exists.
func TestRecoverWithNothingToDoWritesNothing(t *testing.T) {
	parent := t.TempDir()
	if err := Recover(filepath.Join(parent, "a", "public"), nil); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(parent, "public")
	if err := Recover(out, nil); err != nil {
		t.Fatal(err)
	}
	if left := leftovers(t, parent); len(left) > 0 {
		t.Errorf("Recover wrote %v", left)
	}
}

// A build killed between the two renames of a swap leaves out missing and the published site
// aside: Recover puts it back, and of several sites aside the one written last, says which,
// and removes the others.
func TestRecoverPutsBackTheNewestOldSite(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	now := time.Now()
	for i, v := range []string{"A", "B"} {
		dir := filepath.Join(parent, v)
		publish(t, dir, v)
		if err := os.Chtimes(filepath.Join(dir, Marker), now, now.Add(time.Duration(i-2)*time.Hour)); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(dir, filepath.Join(parent, ".public-old-"+[]string{"bbbb", "aaaa"}[i])); err != nil {
			t.Fatal(err)
		}
	}
	foreign := mkdir(t, parent, ".public-old-ffff", "index.html") // newer, but not congkhai's
	var notes []string
	if err := Recover(out, func(s string) { notes = append(notes, s) }); err != nil {
		t.Fatal(err)
	}
	if version(t, out, "A", "B") != "B" {
		t.Errorf("out holds %s; want B, written last", describe(t, out))
	}
	if len(notes) != 2 || !strings.Contains(notes[0], "đã đưa trang đã xuất bản về từ .public-old-aaaa (bản ghi sau cùng trong 2 bản") ||
		!strings.Contains(notes[1], "đã xóa 1 thư mục") {
		t.Errorf("notes: %q", notes)
	}
	if left := leftovers(t, parent, "public"); !slices.Equal(left, []string{foreign}) {
		t.Errorf("left %v; want only %s", left, foreign)
	}
}

// TestNewInputsWithSameBytesAreKept: a build that renders files again because their inputs
// changed, and finds the same bytes, writes nothing in out but keeps the new input hashes,
// so that the next build does not render them again.
func TestNewInputsWithSameBytesAreKept(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	build := func(in uint64) (unchanged int, st Stats) {
		t.Helper()
		s, err := Open(out, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range site("a") {
			if s.Unchanged(f.Path, in) {
				unchanged++
				s.Keep(f.Path)
				continue
			}
			if err := s.Put(f, in); err != nil {
				t.Fatal(err)
			}
		}
		if st, err = s.Commit(); err != nil {
			t.Fatal(err)
		}
		return unchanged, st
	}
	build(1)
	if n, st := build(2); n != 0 || st.Written != 0 {
		t.Fatalf("new inputs: %d files taken as unchanged, %d written; want 0 and 0 (same bytes)", n, st.Written)
	}
	if n, _ := build(2); n != len(site("a")) {
		t.Errorf("the same inputs again: %d of %d files unchanged; the new input hashes were not kept", n, len(site("a")))
	}
	if got := tree(t, out); !maps.Equal(got, want("a")) {
		t.Errorf("published tree = %v, want %v", got, want("a"))
	}
}

// A private out (the preview server's) is not read for files added by hand; any other is,
// and they go.
func TestPrivateOutIsNotRead(t *testing.T) {
	for _, private := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "public")
		publishSite := func() {
			t.Helper()
			s, err := Open(out, Options{Private: private})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range site("a") {
				if s.Unchanged(f.Path, 1) {
					s.Keep(f.Path)
				} else if err := s.Put(f, 1); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := s.Commit(); err != nil {
				t.Fatal(err)
			}
		}
		publishSite()
		hand := filepath.Join(out, "tay.html")
		if err := os.WriteFile(hand, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
		publishSite()
		if _, err := os.Stat(hand); (err == nil) != private {
			t.Errorf("private %v: a file added by hand is there: %v", private, err == nil)
		}
	}
}
