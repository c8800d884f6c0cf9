package content

import (
	"fmt"
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// Nesting deeper than MaxNesting is refused before decoding, at the place it goes too deep;
// brackets and dots in strings and comments do not count.
func TestCheckNesting(t *testing.T) {
	deep := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	for _, tt := range []struct {
		name, src string
		want      string // "" when it passes
	}{
		{"arrays at the limit", "a = " + deep("[", "]", MaxNesting) + "\n", ""},
		{"arrays", "a = " + deep("[", "]", MaxNesting+1) + "\n", fmt.Sprintf("f.toml:1:%d: cú pháp TOML: mảng và bảng trong dòng", len("a = ")+MaxNesting+1)},
		{"inline tables", "x = 1\na = " + deep("{b = ", "}", 8000) + "\n", fmt.Sprintf("f.toml:2:%d: cú pháp TOML: mảng và bảng trong dòng", len("a = ")+len("{b = ")*MaxNesting+1)},
		{"mixed", "a = [\n" + deep("{b = [", "]}", MaxNesting/2+1) + "]\n", "f.toml:2:"},
		{"dotted key", strings.Repeat("a.", MaxNesting) + "b = 1\n", fmt.Sprintf("f.toml:1:%d: cú pháp TOML: khóa hay tên bảng", 2*MaxNesting)},
		{"table name", "[" + strings.Repeat("a.", MaxNesting) + "b]\n", fmt.Sprintf("f.toml:1:%d: cú pháp TOML: khóa hay tên bảng", 2*MaxNesting+1)},
		{"key in inline table", "x = {\n" + strings.Repeat("a.", MaxNesting) + "b = 1}\n", fmt.Sprintf("f.toml:2:%d:", 2*MaxNesting)},
		{"strings and comments", "a = \"" + strings.Repeat("[{.", 100) + "\" # " + strings.Repeat("[", 100) + "\n" +
			"b = '''\n" + strings.Repeat("[", 100) + "'''\nc = \"\"\"" + strings.Repeat("\\\"[", 50) + "\"\"\"\n\"" + strings.Repeat(".", 50) + "\" = 1\n", ""},
		{"inline tables at the limit", strings.Repeat("a = {b = 1}\n", MaxInlineTables), ""},
		{"too many inline tables", strings.Repeat("a = {b = 1}\n", MaxInlineTables+1), fmt.Sprintf("f.toml:%d:5: cú pháp TOML: quá %d bảng trong dòng", MaxInlineTables+1, MaxInlineTables)},
		{"arrays of tables", "[[task]]\nid = \"x\"\n[[task.assignment]]\nlead = [\"a\", \"b\"]\n[document]\nlegal_bases = [\n  \"a\",\n  \"b\",\n]\n", ""},
	} {
		err := CheckNesting("f.toml", []byte(tt.src))
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
			t.Errorf("%s: got %v, want %s...", tt.name, err, tt.want)
		}
	}
}

// The real content passes, and a deep file in it is one error, at its place, and unread.
func TestNestingInContent(t *testing.T) {
	set, err := Load(fstest.MapFS{
		"site.toml":        {Data: []byte("title = \"T\"\n")},
		"pakn/2026-1.toml": {Data: []byte("received = 2026-03-02\npetitioner = " + strings.Repeat("{a = ", 8000) + "1" + strings.Repeat("}", 8000) + "\n")},
	})
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.HasPrefix(err.Error(), "pakn/2026-1.toml:2:") || len(set.Petitions) != 0 || !set.Unreadable["pakn/2026-1.toml"] {
		t.Errorf("got %v", err)
	}
	example := "../../content"
	if err := fs.WalkDir(os.DirFS(example), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		text, err := fs.ReadFile(os.DirFS(example), name)
		if err != nil {
			return err
		}
		if e := CheckNesting(name, text); e != nil {
			t.Error(e)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}
