// Package importer turns files the office already has into content files: procedures of the
// national database (Procedures), published 766 results (Scores) and plans (Plan). Each reads
// its input whole, reports every problem of it at once, and writes nothing when the input has
// a problem that would lose data; files are written whole (a temporary file renamed into
// place), so an interrupted import leaves no half-written file.
//
// It only orchestrates: reading each source is the work of its own package (nationaldb,
// scorecsv, planread and planimport), and the agency registries it resolves names against
// are read by package content. A build links none of it.
package importer

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"congkhai/generator/agencymatch"
	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/fold"
	"congkhai/generator/nationaldb"
	"congkhai/generator/scorecsv"
	"congkhai/generator/vocab"
)

// ScoreImport describes the import of a 766 results CSV as one period of results.
type ScoreImport struct {
	Content string    // the content directory; its registries resolve the units
	Input   io.Reader // the CSV
	Name    string    // the input's file name, for positions
	Period  string    // "2026", "2026-q3", "2026-10"
	Through time.Time // the last day counted, when the period was still running
	ID      string    // the file name under chi-so-766/, without .toml; default: Period
	Title   string
	Scope   string
	Source  string
}

// Scores converts a 766 CSV into chi-so-766/<id>.toml. Units are found in the registries by
// their code, else by name; a unit found in neither is an error. It returns the path written
// and the number of units.
func Scores(o ScoreImport) (string, int, error) {
	if !content.IsResultsPeriod(o.Period) {
		return "", 0, fmt.Errorf("kỳ %q không hợp lệ (%s)", o.Period, content.ResultsPeriodForms)
	}
	registries, err := loadRegistries(o.Content)
	if err != nil {
		return "", 0, err
	}
	byCode := map[string][]string{}
	for _, f := range registries {
		for _, a := range f.Agencies {
			if a.Code != "" {
				byCode[a.Code] = append(byCode[a.Code], f.ID+"/"+a.ID)
			}
		}
	}
	match := agencymatch.New(registries)
	resolve := func(code, name string) (string, string) {
		switch refs := byCode[code]; {
		case len(refs) == 1:
			return refs[0], ""
		case len(refs) > 1:
			return "", fmt.Sprintf("mã đơn vị %s có ở nhiều cơ quan: %v", code, refs)
		}
		if ref, ok := match.Match(name); ok {
			return ref, ""
		}
		msg := fmt.Sprintf("không tìm thấy đơn vị %s (%s) trong agencies/: thêm code = %q vào cơ quan tương ứng", code, name, code)
		if near := match.Nearest(name); near != "" {
			msg += fmt.Sprintf("; gần nhất là %s", near)
		}
		return "", msg
	}
	units, err := scorecsv.Read(o.Input, o.Name, resolve)
	if err != nil {
		return "", 0, err
	}
	id := o.ID
	if id == "" {
		id = o.Period
	}
	if err := content.CheckID(id); err != nil {
		return "", 0, fmt.Errorf("tên tệp của kỳ: %w", err)
	}
	f := &content.ResultsFile{Period: o.Period, Through: o.Through, Title: o.Title, Scope: o.Scope, Source: o.Source, Units: units}
	var buf bytes.Buffer
	comment := fmt.Sprintf("Nhập bằng \"congkhai import 766\" từ %s. Sửa tệp nguồn rồi nhập lại thay vì sửa tay.", filepath.Base(o.Name))
	if err := scorecsv.Encode(&buf, f, comment); err != nil {
		return "", 0, err
	}
	out, err := writeContentFile(o.Content, "chi-so-766/"+id+".toml", buf.Bytes())
	return out, len(units), err
}

// loadRegistries reads the agency registries of a content directory, and only them.
func loadRegistries(dir string) ([]*content.AgencyFile, error) {
	registries, err := content.LoadRegistries(os.DirFS(dir))
	if err != nil {
		// Positions name files of the content directory; the import's own input is elsewhere.
		var list diag.List
		list.Append(diag.Prefix("đọc", err))
		for _, e := range list {
			e.Pos.File = filepath.ToSlash(filepath.Join(dir, e.Pos.File))
		}
		return nil, list
	}
	if len(registries) == 0 {
		return nil, fmt.Errorf("%s: không có danh mục cơ quan nào (agencies/*.toml)", dir)
	}
	return registries, nil
}

// writeContentFile writes data to the file rel (slash-separated) of the content folder dir
// and returns its path. Nothing is written outside the folder, whatever an ID made of rel.
func writeContentFile(dir, rel string, data []byte) (string, error) {
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if !filepath.IsLocal(filepath.FromSlash(rel)) {
		return name, fmt.Errorf("%s: không ghi ra ngoài thư mục nội dung %s", name, dir)
	}
	// Nor through a folder that is a link.
	for p := path.Dir(rel); p != "."; p = path.Dir(p) {
		if st, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(p))); err == nil && !st.IsDir() {
			return name, fmt.Errorf("%s: %s", filepath.Join(dir, filepath.FromSlash(p)), content.NotRegular(st.Mode().Type()))
		}
	}
	return name, writeFile(name, data)
}

// writeFile writes data to name through a temporary file in the same folder.
func writeFile(name string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), ".congkhai-import-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// ProcedureImport describes the import of national-database procedures.
type ProcedureImport struct {
	Content   string    // the content directory: procedures are written to thu-tuc/
	Input     io.Reader // JSON Lines shaped like the national database crawl
	Name      string    // the input's file name, for positions
	Authority string    // the registry whose agencies the procedures' agency names resolve to
	Levels    []string  // keep only procedures carried out at one of these levels; nil keeps all
}

// ProcedureReport says what an import read, wrote and left out, and why.
type ProcedureReport struct {
	Records  int // lines read
	Filtered int // converted, but at no level asked for
	Written  int
	Clean    int // written without a warning
	Rejected int // not written: see Problems
	// Problems are every rejection and warning, in input order.
	Problems []nationaldb.Problem
	// Unresolved are agency names not found in the registry, most frequent first.
	Unresolved []UnresolvedName
}

// UnresolvedName is an agency name an import could not resolve, with how often it occurred
// and the nearest registry agency as a suggestion.
type UnresolvedName struct {
	Name    string
	Count   int
	Nearest string
}

// Procedures converts national-database records into thu-tuc/<code>.toml files. A record
// that cannot be converted is reported, never silently dropped; a record with warnings is
// written and its warnings reported.
func Procedures(o ProcedureImport) (*ProcedureReport, error) {
	var levels []vocab.ProcedureLevel
	for _, l := range o.Levels {
		var level vocab.ProcedureLevel
		if err := level.UnmarshalText([]byte(l)); err != nil {
			// From the top of government down, as the imported files list them.
			all := vocab.ProcedureLevels()
			slices.SortFunc(all, func(a, b vocab.ProcedureLevel) int { return cmp.Compare(a.Level, b.Level) })
			return nil, fmt.Errorf("cấp %q không có; các cấp là: %s", l, strings.Join(vocab.Keys(all), ", "))
		}
		levels = append(levels, level)
	}
	var match *agencymatch.Matcher
	if o.Authority != "" {
		registries, err := loadRegistries(o.Content)
		if err != nil {
			return nil, err
		}
		i := slices.IndexFunc(registries, func(f *content.AgencyFile) bool { return f.ID == o.Authority })
		if i < 0 {
			return nil, fmt.Errorf("không có danh mục cơ quan agencies/%s.toml", o.Authority)
		}
		match = agencymatch.New(registries[i : i+1])
	}
	// Names not found are counted only for the procedures written.
	unresolved := map[string]int{}
	var missed []string
	resolve := func(name string) string {
		if match == nil {
			return ""
		}
		if ref, ok := match.Match(name); ok {
			return ref
		}
		missed = append(missed, name)
		return ""
	}
	records, problems := nationaldb.Read(o.Input)
	rep := &ProcedureReport{Records: len(records) + len(problems), Problems: problems, Rejected: len(problems)}
	written := map[string]int{} // code -> line of the record written for it
	// A field is one slug in content ("Thi đua khen thưởng" and "Thi đua – Khen thưởng" are one
	// field, and check refuses two spellings): the first spelling written is kept.
	fields := map[string]string{}
	for _, rec := range records {
		missed = missed[:0]
		p, probs := nationaldb.Convert(rec, resolve)
		rep.Problems = append(rep.Problems, probs...)
		if p == nil {
			rep.Rejected++
			continue
		}
		if o.Levels != nil && !slices.ContainsFunc(p.Levels, func(l vocab.ProcedureLevel) bool { return slices.Contains(levels, l) }) {
			rep.Filtered++
			continue
		}
		if first := written[p.Code]; first > 0 {
			// Writing it would silently replace the file of the earlier record.
			rep.Problems = append(rep.Problems, nationaldb.Problem{Line: rec.Line, Code: p.Code, Field: "ma_thu_tuc", Fatal: true,
				Msg: "mã thủ tục đã có ở một bản ghi trước", Detail: fmt.Sprintf("dòng %d", first)})
			rep.Rejected++
			continue
		}
		if first, seen := fields[fold.Slug(p.Field)]; seen && first != p.Field {
			rep.Problems = append(rep.Problems, nationaldb.Problem{Line: rec.Line, Code: p.Code, Field: "linh_vuc",
				Msg: "lĩnh vực viết khác một bản ghi trước; dùng cách viết trước", Detail: p.Field + " → " + first})
			p.Field = first
		} else if !seen {
			fields[fold.Slug(p.Field)] = p.Field
		}
		var buf bytes.Buffer
		if err := nationaldb.Encode(&buf, p); err != nil {
			return rep, err
		}
		if _, err := writeContentFile(o.Content, "thu-tuc/"+p.Code+".toml", buf.Bytes()); err != nil {
			return rep, err
		}
		for _, name := range missed {
			unresolved[name]++
		}
		rep.Written++
		written[p.Code] = rec.Line
		if len(probs) == 0 {
			rep.Clean++
		}
	}
	slices.SortStableFunc(rep.Problems, func(x, y nationaldb.Problem) int { return cmp.Compare(x.Line, y.Line) })
	for name, n := range unresolved {
		rep.Unresolved = append(rep.Unresolved, UnresolvedName{Name: name, Count: n, Nearest: match.Nearest(name)})
	}
	slices.SortFunc(rep.Unresolved, func(x, y UnresolvedName) int {
		return cmp.Or(cmp.Compare(y.Count, x.Count), cmp.Compare(x.Name, y.Name))
	})
	return rep, nil
}
