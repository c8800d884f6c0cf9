package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
)

// edits are changes to the content that a measurement makes and then undoes. While they
// are in place the content's stamp is removed: a run that dies before undo leaves a content
// that the next run generates again rather than reuses.
type edits struct {
	saved   map[string][]byte // file -> its bytes before the first change
	content string
	site    *hugoSite
	errs    []error
}

func newEdits(content string, site *hugoSite) (*edits, error) {
	e := &edits{saved: map[string][]byte{}, content: content, site: site}
	name := filepath.Join(content, stampName)
	if data, err := os.ReadFile(name); err == nil {
		e.saved[name] = data
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return e, nil
}

// change writes file as edit makes it of the file's bytes before the first change: changing
// a file again replaces the earlier change.
func (e *edits) change(file string, edit func([]byte) ([]byte, error)) {
	data, ok := e.saved[file]
	var err error
	if !ok {
		if data, err = os.ReadFile(file); err == nil {
			e.saved[file] = data
		}
	}
	if err == nil {
		data, err = edit(slices.Clone(data))
	}
	if err == nil {
		err = os.WriteFile(file, data, 0o644)
	}
	if err != nil {
		e.errs = append(e.errs, fmt.Errorf("%s: %w", file, err))
	}
}

// first is the first file matching pattern under the content folder, in name order.
func (e *edits) first(pattern string) string {
	files, _ := filepath.Glob(filepath.Join(e.content, pattern))
	slices.Sort(files)
	if len(files) == 0 {
		e.errs = append(e.errs, fmt.Errorf("không có tệp %s", pattern))
		return ""
	}
	return files[0]
}

// reportFile is the progress report the report changes edit: the first in name order.
func (e *edits) reportFile() string { return e.first("progress/*/*.md") }

// report adds sentence, a paragraph of its own, to the note of the first progress report,
// and returns the file.
func (e *edits) report(sentence string) string {
	f := e.reportFile()
	if f != "" {
		e.change(f, func(b []byte) ([]byte, error) { return addParagraph(b, sentence), nil })
	}
	return f
}

// addParagraph is a Markdown text with a paragraph added at its end.
func addParagraph(text []byte, sentence string) []byte {
	return append(bytes.TrimRight(text, "\n"), []byte("\n\n"+sentence+"\n")...)
}

// procedure renames the first procedure.
func (e *edits) procedure() {
	if f := e.first("thu-tuc/*.toml"); f != "" {
		e.change(f, func(b []byte) ([]byte, error) {
			i := bytes.Index(b, []byte("\nname = \""))
			if i < 0 {
				return nil, errors.New(`không thấy dòng name = "…"`)
			}
			j := bytes.Index(b[i+1:], []byte("\"\n"))
			if j < 0 {
				return nil, errors.New(`dòng name = "…" không đóng`)
			}
			at := i + 1 + j
			return slices.Concat(b[:at], []byte(" (đã sửa)"), b[at:]), nil
		})
	}
}

// hugoTouch adds sentence to the Hugo page of the task whose report the report changes edit.
func (e *edits) hugoTouch(sentence string) {
	if e.site != nil {
		e.change(e.site.touch, func(b []byte) ([]byte, error) { return addParagraph(b, sentence), nil })
	}
}

// undo writes back every file changed, and the stamp; it reports the files it could not
// write back. The changes that failed do not fail it: the file is as it was.
func (e *edits) undo() error {
	var errs []error
	for f, data := range e.saved {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			errs = append(errs, err)
		}
	}
	e.saved = map[string][]byte{}
	return errors.Join(errs...)
}

// changedTemplates copies the theme's templates (its .html files) into dst and changes one
// page template: a paragraph after the first heading of procedure.html (else of the first
// template that has a heading). It returns dst and the name of the file changed.
func changedTemplates(src, dst string) (string, string, error) {
	if err := os.RemoveAll(dst); err != nil {
		return "", "", err
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return "", "", err
	}
	names, err := filepath.Glob(filepath.Join(src, "*.html"))
	if err != nil || len(names) == 0 {
		return "", "", fmt.Errorf("không có mẫu trang trong %s", src)
	}
	slices.Sort(names)
	// procedure.html, else the first template with a heading
	changed := ""
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return "", "", err
		}
		if bytes.Contains(data, []byte("</h1>")) && (changed == "" || filepath.Base(name) == "procedure.html") {
			changed = filepath.Base(name)
		}
	}
	if changed == "" {
		return "", "", fmt.Errorf("không mẫu trang nào trong %s có <h1> để sửa", src)
	}
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return "", "", err
		}
		if i := bytes.Index(data, []byte("</h1>")); filepath.Base(name) == changed {
			i += len("</h1>")
			data = slices.Concat(data[:i], []byte("\n<p class=\"note\">Mẫu trang đã sửa để đo thời gian dựng lại.</p>"), data[i:])
		}
		if err := os.WriteFile(filepath.Join(dst, filepath.Base(name)), data, 0o644); err != nil {
			return "", "", err
		}
	}
	return dst, changed, nil
}
