package importer

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"congkhai/generator"
	"congkhai/generator/diag"
	"congkhai/generator/progressform"
	"congkhai/generator/schedule"
)

// ProgressImport describes the import of filled progress report forms.
type ProgressImport struct {
	Content string        // the content directory: records are written to progress/<plan>/
	Files   []string      // the filled forms (.xlsx exported by congkhai export forms)
	AsOf    schedule.Date // no report may be dated after it
	DryRun  bool          // report what would be written, write nothing
}

// ProgressReport says what an import read and wrote.
type ProgressReport struct {
	Rows      int      // filled rows read
	Unchanged int      // rows whose record is already in content, the same
	Written   []string // the records written (or to write, in a dry run), relative to Content
}

// Progress reads filled forms and writes one progress record per filled row. Nothing is
// written when any row of any form has a problem: every problem is returned at once, as
// file[Sheet]:row:col. A record already in content the same is left as it is, so that
// importing a form again writes nothing; a different report already there for the same task,
// period and date is a conflict, reported with both, never overwritten. The records written
// must pass check with the rest of the content, or they are removed again.
func Progress(ctx context.Context, o ProgressImport) (*ProgressReport, error) {
	opts := generator.Options{Content: os.DirFS(o.Content), AsOf: o.AsOf}
	site, err := generator.Check(ctx, opts)
	if err != nil {
		return nil, fmt.Errorf("nội dung đang có lỗi, sửa trước khi nhập phiếu: %w", err)
	}
	var errs diag.List
	var entries []progressform.Entry
	for _, file := range o.Files {
		data, err := os.ReadFile(file)
		if err != nil {
			errs.Append(err)
			continue
		}
		es, problems := progressform.Read(file, data, site)
		errs = append(errs, problems...)
		entries = append(entries, es...)
	}
	rep := &ProgressReport{Rows: len(entries)}
	type planned struct {
		entry progressform.Entry
		data  []byte
	}
	writes := map[string]planned{}
	var order []string
	for _, e := range entries {
		rel, data := e.Record()
		if prev, ok := writes[rel]; ok {
			if !bytes.Equal(prev.data, data) {
				errs.Add(e.Pos, "hai báo cáo khác nhau cho %s: dòng này và %s", e, prev.entry.Pos)
			}
			continue
		}
		old, err := os.ReadFile(filepath.Join(o.Content, filepath.FromSlash(rel)))
		switch {
		case err == nil && bytes.Equal(old, data):
			rep.Unchanged++
			continue
		case err == nil:
			errs.Add(e.Pos, "xung đột: %s đã có báo cáo khác cho %s\n  đang có:\n%s\n  phiếu ghi:\n%s", rel, e, indent(old), indent(data))
			continue
		case !errors.Is(err, os.ErrNotExist):
			errs.Append(err)
			continue
		}
		for _, r := range site.Reports {
			if r.Task == e.Task && r.Date == e.Date && r.Period == e.Period.Key {
				errs.Add(e.Pos, "xung đột: %s đã có báo cáo cho %s (%s, %s); phiếu ghi %s", r.File, e, r.StateLabel(), percentText(r.Percent), e.State.Label())
			}
		}
		writes[rel] = planned{e, data}
		order = append(order, rel)
	}
	if len(errs) > 0 {
		return nil, errs.Sort()
	}
	rep.Written = order
	if o.DryRun {
		return rep, nil
	}
	for i, rel := range order {
		if _, err := writeContentFile(o.Content, rel, writes[rel].data); err != nil {
			removeAll(o.Content, order[:i])
			return nil, err
		}
	}
	if _, err := generator.Check(ctx, opts); err != nil {
		removeAll(o.Content, order)
		return nil, fmt.Errorf("các báo cáo nhập vào không qua được bước kiểm tra, đã gỡ lại: %w", err)
	}
	return rep, nil
}

func removeAll(dir string, rels []string) {
	for _, rel := range rels {
		os.Remove(filepath.Join(dir, filepath.FromSlash(rel)))
	}
}

func indent(b []byte) string {
	return "    " + string(bytes.ReplaceAll(bytes.TrimSpace(b), []byte("\n"), []byte("\n    ")))
}

func percentText(p int) string {
	if p < 0 {
		return "không ghi tỷ lệ"
	}
	return fmt.Sprintf("%d%%", p)
}
