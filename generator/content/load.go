package content

import (
	"bytes"
	"io/fs"
	"path"
	"strings"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
)

// Load reads the content directory fsys. It returns the records it could read and, as a
// diag.List, every problem found while reading: unreadable files, TOML syntax, unknown keys,
// wrong value types, misplaced files. Files are read in lexical order.
func Load(fsys fs.FS) (*Set, error) {
	set := &Set{Unreadable: map[string]bool{}}
	var errs diag.List
	plans := map[string]*PlanFile{}
	markdown := map[string]string{} // decision.md and narrative.md, by name
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: name}, "không đọc được: %v", err)
			return nil
		}
		base := path.Base(name)
		if name != "." && strings.HasPrefix(base, ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		text, ok := readText(fsys, name, &errs)
		if !ok {
			return nil
		}
		dir, parts := path.Dir(name), strings.Split(name, "/")
		switch {
		case name == "site.toml":
			f := &SiteFile{source: source{File: name}}
			if set.decode(&f.source, text, f, &errs) {
				set.Site = f
			}
		case len(parts) == 2 && parts[0] == "agencies" && path.Ext(name) == ".toml":
			set.registry(name, text, &errs)
		case len(parts) == 3 && parts[0] == "plans" && base == "plan.toml":
			f := &PlanFile{source: source{File: name}, ID: parts[1]}
			if set.decode(&f.source, text, f, &errs) {
				set.Plans = append(set.Plans, f)
				plans[dir] = f
			}
		case len(parts) == 3 && parts[0] == "plans" && (base == "decision.md" || base == "narrative.md"):
			// plan.toml sorts after decision.md and before narrative.md: attach after the walk.
			markdown[name] = string(text)
		case len(parts) == 3 && parts[0] == "progress" && path.Ext(name) == ".md":
			f := &ReportFile{source: source{File: name}, Plan: parts[1]}
			front, body, line, ok := splitFrontMatter(text)
			if !ok {
				errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "báo cáo tiến độ phải mở đầu bằng phần khai báo TOML giữa hai dòng +++")
				return nil
			}
			f.source.line = line
			if set.decode(&f.source, front, f, &errs) {
				f.Body = string(body)
				set.Reports = append(set.Reports, f)
			}
		case name == "ngay-nghi.toml":
			f := &HolidaysFile{source: source{File: name}}
			if set.decode(&f.source, text, f, &errs) {
				set.Holidays = f
			}
		case len(parts) == 2 && parts[0] == "thu-tuc" && path.Ext(name) == ".toml":
			f := &ProcedureFile{source: source{File: name}}
			if set.decode(&f.source, text, f, &errs) {
				set.Procedures = append(set.Procedures, f)
			}
		case len(parts) == 2 && parts[0] == "pakn" && path.Ext(name) == ".toml":
			f := &PetitionFile{source: source{File: name}, ID: strings.TrimSuffix(base, ".toml")}
			if set.decode(&f.source, text, f, &errs) {
				set.Petitions = append(set.Petitions, f)
			}
		case len(parts) == 2 && parts[0] == "chi-so-766" && path.Ext(name) == ".toml":
			f := &ResultsFile{source: source{File: name}, ID: strings.TrimSuffix(base, ".toml")}
			if set.decode(&f.source, text, f, &errs) {
				set.Results = append(set.Results, f)
			}
		default:
			errs.Add(diag.Pos{File: name}, "tệp không thuộc cấu trúc nội dung (xem README.md, mục Nội dung)")
		}
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{}, "%v", err)
	}
	for name, text := range markdown {
		dir := path.Dir(name)
		p := plans[dir]
		switch {
		case p != nil && path.Base(name) == "decision.md":
			p.Decision = &Markdown{File: name, Body: text}
		case p != nil:
			p.Narrative = &Markdown{File: name, Body: text}
		case !set.Unreadable[dir+"/plan.toml"]:
			errs.Add(diag.Pos{File: name}, "thư mục %s không có plan.toml: tệp này không thuộc kế hoạch nào", dir)
		}
	}
	if set.Site == nil && !set.Unreadable["site.toml"] {
		errs.Add(diag.Pos{File: "site.toml"}, "thiếu tệp site.toml")
	}
	return set, errs.Err()
}

// LoadRegistries reads only the agency registries (agencies/*.toml), for commands that
// resolve agency names without needing, or reading, the rest of the content.
func LoadRegistries(fsys fs.FS) ([]*AgencyFile, error) {
	set := &Set{Unreadable: map[string]bool{}}
	var errs diag.List
	names, err := fs.Glob(fsys, "agencies/*.toml")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if text, ok := readText(fsys, name, &errs); ok {
			set.registry(name, text, &errs)
		}
	}
	return set.Authorities, errs.Err()
}

// readText reads a content file as NFC text. Vietnamese typed on different systems arrives
// precomposed or decomposed; the site and its search compare strings, so everything is NFC
// from here on.
func readText(fsys fs.FS, name string, errs *diag.List) ([]byte, bool) {
	text, err := fs.ReadFile(fsys, name)
	if err != nil {
		errs.Add(diag.Pos{File: name}, "không đọc được: %v", err)
		return nil, false
	}
	if err := diag.CheckUTF8(name, text); err != nil {
		errs.Append(err)
		return nil, false
	}
	return norm.NFC.Bytes(bytes.TrimPrefix(text, []byte("\ufeff"))), true
}

// registry decodes agencies/<authority>.toml into the set.
func (set *Set) registry(name string, text []byte, errs *diag.List) {
	f := &AgencyFile{source: source{File: name}, ID: strings.TrimSuffix(path.Base(name), ".toml")}
	if set.decode(&f.source, text, f, errs) {
		set.Authorities = append(set.Authorities, f)
	}
}

// decode decodes a file's TOML into v, remembering the file as unreadable if it fails, so
// that validation does not pile follow-on errors on what refers to it.
func (set *Set) decode(src *source, text []byte, v any, errs *diag.List) bool {
	if decodeTOML(src, text, v, errs) {
		return true
	}
	set.Unreadable[src.File] = true
	return false
}

// splitFrontMatter splits "+++\nTOML\n+++\nbody". line is the number of lines before the TOML.
func splitFrontMatter(text []byte) (front, body []byte, line int, ok bool) {
	const delim = "+++"
	first, rest, found := bytes.Cut(text, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \r")) != delim {
		return nil, nil, 0, false
	}
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		l := rest[off:]
		if end >= 0 {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \r")) == delim {
			body := []byte{}
			if end >= 0 {
				body = rest[off+end+1:]
			}
			return rest[:off], bytes.TrimLeft(body, "\r\n"), 1, true
		}
		if end < 0 {
			break
		}
		off += end + 1
	}
	return nil, nil, 0, false
}
