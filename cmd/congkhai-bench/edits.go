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

// edits are the changes the rebuilds measure, each undone at the end of a run.
type edits struct {
	saved   map[string][]byte // file -> its bytes before the run
	content string
	site    *hugoSite
	errs    []error
}

func (b *bench) edits(content string, site *hugoSite) (*edits, error) {
	e := &edits{saved: map[string][]byte{}, content: content, site: site}
	// A run that dies halfway leaves changed content: without its stamp, the site is
	// generated again next time. undo puts the stamp back with the content.
	name := filepath.Join(content, stampName)
	if data, err := os.ReadFile(name); err == nil {
		e.saved[name] = data
	}
	if err := os.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	return e, nil
}

// change rewrites file with edit, keeping its first bytes to undo.
func (e *edits) change(file string, edit func([]byte) ([]byte, error)) {
	data, err := os.ReadFile(file)
	if err == nil {
		if _, ok := e.saved[file]; !ok {
			e.saved[file] = data
		}
		data, err = edit(data)
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

// report adds a sentence to the note of the first progress report.
func (e *edits) report() {
	if f := e.first("progress/*/*.md"); f != "" {
		e.change(f, func(b []byte) ([]byte, error) {
			return append(bytes.TrimRight(b, "\n"), []byte("\nĐơn vị đã cập nhật báo cáo (lần đo thời gian dựng lại).\n")...), nil
		})
	}
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

// hugoTouch adds a sentence to the Hugo page of the task whose report changed.
func (e *edits) hugoTouch() {
	if e.site != nil {
		e.change(e.site.touch, func(b []byte) ([]byte, error) {
			return append(bytes.TrimRight(b, "\n"), []byte("\n\nĐơn vị đã cập nhật báo cáo (lần đo thời gian dựng lại).\n")...), nil
		})
	}
}

// undo writes back every file changed, and reports the changes that failed.
func (e *edits) undo() error {
	for f, data := range e.saved {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			e.errs = append(e.errs, err)
		}
	}
	return errors.Join(e.errs...)
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
