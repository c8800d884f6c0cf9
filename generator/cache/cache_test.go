package cache

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func tables(s string) map[string][]byte { return map[string][]byte{"t": []byte(s)} }

func table(f *File) []string {
	var out []string
	for _, b := range f.Table("t") {
		out = append(out, string(b))
	}
	return out
}

func TestSegmentsAreReadBackInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public-cache")
	f := Open(path)
	if f.Ignored != "" || len(f.Table("t")) != 0 {
		t.Fatalf("a missing file: %q, %d", f.Ignored, len(f.Table("t")))
	}
	for _, s := range []string{"một", "hai", "ba"} {
		if err := f.Append(tables(s)); err != nil {
			t.Fatal(err)
		}
	}
	g := Open(path)
	if got := table(g); g.Ignored != "" || !slices.Equal(got, []string{"một", "hai", "ba"}) {
		t.Errorf("read back %q (%s)", got, g.Ignored)
	}
	if err := g.Replace(tables("bốn")); err != nil {
		t.Fatal(err)
	}
	if got := table(Open(path)); !slices.Equal(got, []string{"bốn"}) {
		t.Errorf("after Replace: %q", got)
	}
	if len(Open(path).Table("khác")) != 0 {
		t.Error("a table never written has parts")
	}
}

// A file cut short (a build killed while it appended) or damaged is read up to its last
// sound segment, and the next segment goes after that one, so the file is sound again.
func TestDamageIsIgnoredFromWhereItStarts(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public-cache")
	f := Open(path)
	f.Append(tables("một"))
	f.Append(tables("hai"))
	whole, _ := os.ReadFile(path)
	two := len(whole)
	f.Append(tables("ba"))
	full, _ := os.ReadFile(path)

	for name, data := range map[string][]byte{
		"cut in the head": full[:two+5],
		"cut in the body": full[:len(full)-3],
		"a byte changed":  flip(full, len(full)-2),
		"a length too big": func() []byte {
			b := bytes.Clone(full)
			b[two] = 0x7f
			return b
		}(),
	} {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(path, data, 0o644)
			g := Open(path)
			if got := table(g); !slices.Equal(got, []string{"một", "hai"}) || g.Ignored == "" || g.Foreign {
				t.Fatalf("read %q, ignored %q", got, g.Ignored)
			}
			if err := g.Append(tables("bốn")); err != nil {
				t.Fatal(err)
			}
			if h := Open(path); h.Ignored != "" || !slices.Equal(table(h), []string{"một", "hai", "bốn"}) {
				t.Errorf("after the next append: %q (%s)", table(h), h.Ignored)
			}
		})
	}
}

func flip(b []byte, i int) []byte {
	b = bytes.Clone(b)
	b[i] ^= 0x55
	return b
}

// A file that another program made (another congkhai, whose records may differ) or that
// is not a cache at all is ignored whole, and replaced by the next write.
func TestForeignFileIsIgnored(t *testing.T) {
	path := filepath.Join(t.TempDir(), ".public-cache")
	for _, data := range []string{
		"congkhai cache 1 0123456789abcdef\n",
		"congkhai cache 0 " + strings.TrimPrefix(string(header()), format+" "),
		"<html>không phải bộ nhớ đệm</html>",
		"",
	} {
		os.WriteFile(path, []byte(data), 0o644)
		f := Open(path)
		if !f.Foreign || f.Ignored == "" || len(f.segments) != 0 {
			t.Errorf("%q: foreign %v, ignored %q", data, f.Foreign, f.Ignored)
		}
		if err := f.Append(tables("một")); err != nil {
			t.Fatal(err)
		}
		if g := Open(path); g.Ignored != "" || !slices.Equal(table(g), []string{"một"}) {
			t.Errorf("%q: after a write %q (%s)", data, table(g), g.Ignored)
		}
	}
}

// Replace leaves no file of its own beside the cache, and a cache it could not write
// leaves the old one.
func TestReplaceIsWhole(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".public-cache")
	f := Open(path)
	f.Replace(tables("một"))
	for i := range 3 {
		f.Replace(tables(fmt.Sprint(i)))
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("%d files in the folder", len(entries))
	}
	// A cache file whose name leaves no room for its temporary file's: Replace fails for
	// any user, root included, and the file keeps what it held.
	long := filepath.Join(dir, strings.Repeat("c", 250))
	if err := os.Rename(path, long); err != nil {
		t.Fatal(err)
	}
	if err := Open(long).Replace(tables("bốn")); err == nil {
		t.Fatal("Replace without room for its temporary file succeeded")
	}
	if got := table(Open(long)); !slices.Equal(got, []string{"2"}) {
		t.Errorf("after a failed Replace: %q", got)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("a failed Replace left %d files in the folder", len(entries))
	}
}

// A table read back gives each entry as it was put, decoded when first asked for, on any
// number of goroutines; an entry that cannot be decoded is missing; what a build did not
// ask for is dropped at its end.
func TestTableDecodesEntriesWhenAsked(t *testing.T) {
	type rec struct {
		N    *int
		List []string
	}
	zero := 0
	put := NewTable[*rec]()
	put.Begin()
	for i := range 100 {
		put.Put(fmt.Sprint(i), &rec{N: &zero, List: []string{}})
	}
	put.End()
	b, err := put.Encode(true)
	if err != nil {
		t.Fatal(err)
	}
	wrong := appendPair(nil, "7", []byte(`{"N":"x"}`)) // a later entry of the wrong shape
	cut := appendPair(nil, "8", []byte(`{}`))
	cut = cut[:len(cut)-1] // a part cut short: read no further
	got := DecodeTable[*rec]([][]byte{b, wrong, cut, appendPair(nil, "9", []byte(`{}`))})
	got.Begin()
	done := make(chan bool)
	for g := range 4 {
		go func() {
			for i := g; i < 90; i += 4 {
				r, ok := got.Get(fmt.Sprint(i))
				if i == 7 {
					if ok {
						t.Errorf("the damaged entry was read: %+v", r)
					}
					continue
				}
				if !ok || r.N == nil || *r.N != 0 || r.List == nil {
					t.Errorf("entry %d: %v %+v", i, ok, r)
				}
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
	got.End()
	if live, _, read := got.Counts(); live != 89 || read != 101 {
		t.Errorf("after the build: %d live, %d read; want 89 (90 asked, one damaged) and 101 (the part after the cut one unread)", live, read)
	}
}

// A table that a build did not use (no Begin) keeps all it read when the file is written
// anew for the other tables' sake.
func TestUnusedTableIsWrittenAgainWhole(t *testing.T) {
	a := NewTable[string]()
	a.Begin()
	a.Put("k", "một")
	a.End()
	b, err := a.Encode(true)
	if err != nil {
		t.Fatal(err)
	}
	unused := DecodeTable[string]([][]byte{b})
	if live, _, _ := unused.Counts(); live != 1 {
		t.Errorf("a table read and not used counts %d live entries, want 1", live)
	}
	again, err := unused.Encode(true)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := DecodeTable[string]([][]byte{again}).Get("k"); !ok || v != "một" {
		t.Errorf("written again: %q %v", v, ok)
	}
}
