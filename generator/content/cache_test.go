package content

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyContent copies a content folder of the module into a temporary one, dated a minute
// ago, as files saved a while before a build are.
func copyContent(t *testing.T, from string) string {
	t.Helper()
	dir := t.TempDir()
	past := time.Now().Add(-time.Minute)
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		to := filepath.Join(dir, rel)
		data, err := os.ReadFile(p)
		if err == nil {
			err = os.MkdirAll(filepath.Dir(to), 0o755)
		}
		if err == nil {
			err = os.WriteFile(to, data, 0o644)
		}
		if err == nil {
			err = os.Chtimes(to, past, past)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// same compares what two loads read: every record's exported fields and every hash.
func same(t *testing.T, a, b *Set) {
	t.Helper()
	enc := func(s *Set) []byte {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	if !bytes.Equal(enc(a), enc(b)) {
		t.Error("the records differ")
	}
	if len(a.Hashes) != len(b.Hashes) {
		t.Errorf("%d hashes, %d", len(a.Hashes), len(b.Hashes))
	}
	for k, v := range a.Hashes {
		if b.Hashes[k] != v {
			t.Errorf("hash of %s differs", k)
		}
	}
}

// The example site loaded through a cache written and read back, as a second build reads
// it, gives what a load without a cache gives, decoding nothing; a changed file, and only
// it, is decoded again.
func TestCachedLoadDecodesOnlyChangedFiles(t *testing.T) {
	dir := copyContent(t, "../../content")
	fsys := os.DirFS(dir)
	want, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	first := NewCache()
	if _, err := LoadCached(fsys, first); err != nil {
		t.Fatal(err)
	}
	live, added, _ := first.Counts()
	if live != len(want.Hashes) || added != live {
		t.Fatalf("first load: %d entries, %d added, for %d files", live, added, len(want.Hashes))
	}
	saved, err := first.Encode(true)
	if err != nil {
		t.Fatal(err)
	}
	c := DecodeCache([][]byte{saved})
	got, err := LoadCached(fsys, c)
	if err != nil {
		t.Fatal(err)
	}
	same(t, want, got)
	if _, added, read := c.Counts(); added != 0 || read != live {
		t.Errorf("second load decoded %d files; the cache held %d", added, read)
	}

	// A report made wrong: it is decoded again, its problem reported as without the cache,
	// and it is not cached.
	reports, _ := filepath.Glob(filepath.Join(dir, "progress", "*", "*.md"))
	name := reports[len(reports)/2]
	data, _ := os.ReadFile(name)
	os.WriteFile(name, bytes.Replace(data, []byte("+++\n"), []byte("+++\nkhông = hợp lệ = \n"), 1), 0o644)
	more, _ := c.Encode(false)
	c = DecodeCache([][]byte{saved, more})
	_, err = LoadCached(fsys, c)
	if _, ferr := Load(fsys); ferr == nil || err == nil || ferr.Error() != err.Error() {
		t.Errorf("broken report: errors\n%v\nwant\n%v", err, ferr)
	}
	if _, added, _ := c.Counts(); added != 0 {
		t.Errorf("a file with a problem was cached")
	}
	// Fixed, with another body: it alone is decoded again.
	os.WriteFile(name, append(data, "Thêm một dòng.\n"...), 0o644)
	got, err = LoadCached(fsys, c)
	if err != nil {
		t.Fatal(err)
	}
	if _, added, _ := c.Counts(); added != 1 {
		t.Errorf("after the fix, %d files decoded", added)
	}
	fresh, _ := Load(fsys)
	same(t, fresh, got)
}

// A file changed again within the resolution of its modification time, its size the same,
// is caught by its hash.
func TestCachedLoadChecksRecentFilesByHash(t *testing.T) {
	dir := copyContent(t, "../../testdata/small/content")
	fsys := os.DirFS(dir)
	name := filepath.Join(dir, "progress", "ke-hoach-mau-2024", "bao-cao-quy-2024-04-05.md")
	now := time.Now()
	os.Chtimes(name, now, now)
	c := NewCache()
	if _, err := LoadCached(fsys, c); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(name)
	os.WriteFile(name, bytes.Replace(data, []byte("quý II."), []byte("quý IV."), 1), 0o644)
	os.Chtimes(name, now, now)
	got, err := LoadCached(fsys, c)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range got.Reports {
		if strings.HasSuffix(r.File, "bao-cao-quy-2024-04-05.md") && !strings.Contains(r.Body, "quý IV.") {
			t.Errorf("the report read from the cache: %q", r.Body)
		}
	}
}

// A problem in a file the cache holds, found by validation because another file changed,
// is reported at the same place as without the cache: the file is read again for it.
func TestCachedRecordsKeepTheirPositions(t *testing.T) {
	dir := copyContent(t, "../../testdata/small/content")
	fsys := os.DirFS(dir)
	c := NewCache()
	if _, err := LoadCached(fsys, c); err != nil {
		t.Fatal(err)
	}
	saved, _ := c.Encode(true)
	plan := filepath.Join(dir, "plans", "ke-hoach-mau-2024", "plan.toml")
	data, _ := os.ReadFile(plan)
	os.WriteFile(plan, bytes.Replace(data, []byte(`id = "bao-cao-quy"`), []byte(`id = "bao-cao-nam"`), 1), 0o644)

	fresh, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := Validate(fresh, nil)
	cached, err := LoadCached(fsys, DecodeCache([][]byte{saved}))
	if err != nil {
		t.Fatal(err)
	}
	got := Validate(cached, nil)
	if want == nil || !strings.Contains(want.Error(), "bao-cao-quy-2024-04-05.md:2:") {
		t.Fatalf("the report's task is not reported at its line: %v", want)
	}
	if got == nil || got.Error() != want.Error() {
		t.Errorf("with the cache:\n%v\nwithout:\n%v", got, want)
	}
}
