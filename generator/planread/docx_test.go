package planread

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
)

// The .docx tests that write their files with planreadtest are in docx_ext_test.go; this
// one needs the unexported cap.

// TestDocxTooLarge refuses a part that decompresses beyond the cap.
func TestDocxTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 64 MB")
	}
	const wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	big := `<w:document xmlns:w="` + wordNS + `"><w:body>` + strings.Repeat(" ", maxDocxPart) + `</w:body></w:document>`
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, big)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	if len(b) > 1<<20 {
		t.Fatalf("zip is %d bytes", len(b))
	}
	_, err = ReadDocx("bom.docx", bytes.NewReader(b), int64(len(b)))
	if err == nil || !strings.Contains(err.Error(), "bom.docx") {
		t.Errorf("err = %v", err)
	}
}
