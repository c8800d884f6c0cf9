package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/diag"
	"congkhai/generator/parallel"
)

// Load reads the content directory fsys. It returns the records it could read and, as a
// diag.List, every problem found while reading: unreadable files, TOML syntax, unknown keys,
// wrong value types, values outside their closed list (package vocab), misplaced files.
// Files are read in lexical order.
func Load(fsys fs.FS) (*Set, error) { return LoadCached(fsys, nil) }

// LoadCached is Load that takes from c the records of the files unchanged since they were
// decoded, and adds to it those it decodes; c may be nil.
func LoadCached(fsys fs.FS, c *Cache) (*Set, error) {
	set := &Set{Unreadable: map[string]bool{}, Hashes: map[string]Hash{}}
	var errs diag.List
	// The folder is listed first, in lexical order, then its files are read and decoded on
	// every core, each into a set of its own, and the sets joined in the listing's order:
	// records and problems come out in the same order whatever the cores did.
	var names []string
	var entries []fs.DirEntry
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			errs.Add(diag.Pos{File: name}, "không đọc được: %v", err)
			return nil
		}
		if name != "." && strings.HasPrefix(path.Base(name), ".") {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		// The type comes from the directory listing, before anything is opened: opening a
		// FIFO blocks, and a symbolic link leads out of the content folder.
		if !d.Type().IsRegular() {
			set.refuse(name, d.Type(), &errs)
			return nil
		}
		names = append(names, name)
		entries = append(entries, d)
		return nil
	})
	if err != nil {
		errs.Add(diag.Pos{}, "%v", err)
	}
	if c != nil {
		c.Begin()
		defer c.End()
	}
	files := make([]fileLoad, len(names))
	parallel.Do(len(names), func(i int) error {
		f := &files[i]
		f.name, f.set = names[i], &Set{Unreadable: map[string]bool{}, Hashes: map[string]Hash{}}
		if c == nil {
			f.load(fsys)
			return nil
		}
		info, err := entries[i].Info()
		if err != nil {
			info = nil
		} else if e := c.lookup(f.name, info.Size(), info.ModTime().UnixNano()); e != nil && (!e.racy() || f.sameBytes(fsys, e)) {
			f.use(e, fsys)
			return nil
		}
		f.read = time.Now().UnixNano()
		f.load(fsys)
		if e := f.entryOf(info); e != nil {
			c.Put(f.name, e)
		}
		return nil
	})
	plans := map[string]*PlanFile{}
	markdown := map[string]string{} // decision.md and narrative.md, by name
	for _, f := range files {
		set.join(f.set)
		errs = append(errs, f.errs...)
		if f.markdown != "" {
			markdown[f.name] = f.text
		}
	}
	for _, p := range set.Plans {
		plans[path.Dir(p.File)] = p
	}
	for name, text := range markdown {
		dir := path.Dir(name)
		p := plans[dir]
		switch {
		case p != nil && path.Base(name) == "decision.md":
			p.Decision = &Markdown{File: name, Body: text}
		case p != nil:
			p.Narrative = &Markdown{File: name, Body: text}
		case !set.unreadable(dir + "/plan.toml"):
			errs.Add(diag.Pos{File: name}, "thư mục %s không có plan.toml: tệp này không thuộc kế hoạch nào", dir)
		}
	}
	if set.Site == nil && !set.unreadable("site.toml") {
		errs.Add(diag.Pos{File: "site.toml"}, "thiếu tệp site.toml")
	}
	return set, errs.Err()
}

// fileLoad is one content file read and decoded: its record in a set of its own, its
// problems, and, for a plan's Markdown, its text (attached to the plan once all are read).
type fileLoad struct {
	name     string
	read     int64 // when it was read, Unix nanoseconds (for the cache)
	set      *Set
	errs     diag.List
	markdown string // "decision.md" or "narrative.md"
	text     string
}

// load reads and decodes the file f.name into f.
func (f *fileLoad) load(fsys fs.FS) {
	name, set, errs := f.name, f.set, &f.errs
	text, ok := set.readText(fsys, name, errs)
	if !ok {
		return
	}
	base, parts := path.Base(name), strings.Split(name, "/")
	switch {
	case name == "site.toml":
		r := &SiteFile{source: source{File: name}}
		if set.decode(&r.source, text, r, errs) {
			set.Site = r
		}
	case len(parts) == 2 && parts[0] == "agencies" && path.Ext(name) == ".toml":
		set.registry(name, text, errs)
	case len(parts) == 3 && parts[0] == "plans" && base == "plan.toml":
		r := &PlanFile{source: source{File: name}, ID: parts[1]}
		if set.decode(&r.source, text, r, errs) {
			set.Plans = append(set.Plans, r)
		}
	case len(parts) == 3 && parts[0] == "plans" && (base == "decision.md" || base == "narrative.md"):
		if len(bytes.TrimSpace(text)) == 0 {
			errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "tệp trống: ghi nội dung, hoặc xóa tệp")
			return
		}
		// plan.toml sorts after decision.md and before narrative.md: attached after the walk.
		f.markdown, f.text = base, string(text)
	case len(parts) == 3 && parts[0] == "progress" && path.Ext(name) == ".md":
		r := &ReportFile{source: source{File: name}, Plan: parts[1]}
		front, body, line, ok := splitFrontMatter(text)
		if !ok {
			errs.Add(diag.Pos{File: name, Line: 1, Col: 1}, "báo cáo tiến độ phải mở đầu bằng phần khai báo TOML giữa hai dòng +++")
			return
		}
		r.source.line = line
		if set.decode(&r.source, front, r, errs) {
			r.Body = string(body)
			set.Reports = append(set.Reports, r)
		}
	case name == "ngay-nghi.toml":
		r := &HolidaysFile{source: source{File: name}}
		if set.decode(&r.source, text, r, errs) {
			set.Holidays = r
		}
	case len(parts) == 2 && parts[0] == "thu-tuc" && path.Ext(name) == ".toml":
		r := &ProcedureFile{source: source{File: name}}
		if set.decode(&r.source, text, r, errs) {
			set.Procedures = append(set.Procedures, r)
		}
	case len(parts) == 2 && parts[0] == "pakn" && path.Ext(name) == ".toml":
		r := &PetitionFile{source: source{File: name}, ID: strings.TrimSuffix(base, ".toml")}
		if set.decode(&r.source, text, r, errs) {
			set.Petitions = append(set.Petitions, r)
		}
	case len(parts) == 2 && parts[0] == "chi-so-766" && path.Ext(name) == ".toml":
		r := &ResultsFile{source: source{File: name}, ID: strings.TrimSuffix(base, ".toml")}
		if set.decode(&r.source, text, r, errs) {
			set.Results = append(set.Results, r)
		}
	default:
		errs.Add(diag.Pos{File: name}, "tệp không thuộc cấu trúc nội dung (xem README.md, mục Nội dung)")
	}
}

// join adds the records, hashes and unreadable files of o, one file's set, to set.
func (set *Set) join(o *Set) {
	if o.Site != nil {
		set.Site = o.Site
	}
	if o.Holidays != nil {
		set.Holidays = o.Holidays
	}
	set.Authorities = append(set.Authorities, o.Authorities...)
	set.Plans = append(set.Plans, o.Plans...)
	set.Reports = append(set.Reports, o.Reports...)
	set.Procedures = append(set.Procedures, o.Procedures...)
	set.Petitions = append(set.Petitions, o.Petitions...)
	set.Results = append(set.Results, o.Results...)
	for k, v := range o.Hashes {
		set.Hashes[k] = v
	}
	for k, v := range o.Unreadable {
		set.Unreadable[k] = v
	}
}

// LoadRegistries reads only the agency registries (agencies/*.toml), for commands that
// resolve agency names without needing, or reading, the rest of the content.
func LoadRegistries(fsys fs.FS) ([]*AgencyFile, error) {
	set := &Set{Unreadable: map[string]bool{}}
	var errs diag.List
	if st, err := fs.Lstat(fsys, "agencies"); err == nil && !st.IsDir() {
		set.refuse("agencies", st.Mode().Type(), &errs)
		return nil, errs.Err()
	}
	entries, err := fs.ReadDir(fsys, "agencies")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range entries {
		name := "agencies/" + e.Name()
		switch {
		case strings.HasPrefix(e.Name(), ".") || path.Ext(name) != ".toml":
		case !e.Type().IsRegular():
			set.refuse(name, e.Type(), &errs)
		default:
			if text, ok := set.readText(fsys, name, &errs); ok {
				set.registry(name, text, &errs)
			}
		}
	}
	return set.Authorities, errs.Err()
}

// MaxFileSize is the size above which a content file is refused unread. The largest file of
// the example site (a plan of 126 tasks) is about 130 KB and the largest procedure 120 KB;
// a plan of a thousand tasks would be 1 MB. Reading a file whatever its size would let one
// file take all the memory, and the TOML decoder needs about a microsecond a byte on files
// of nested inline tables (measured: 2 MiB in 3 to 7 s, however deep; see MaxNesting), so
// the limit also bounds the time one file can take.
const MaxFileSize = 2 << 20

// refuse reports an entry of the content folder that is not a regular file or a folder.
func (set *Set) refuse(name string, mode fs.FileMode, errs *diag.List) {
	set.Unreadable[name] = true
	errs.Add(diag.Pos{File: name}, "%s", NotRegular(mode))
}

// NotRegular says why an entry of a folder congkhai reads, of type mode, is refused: a
// symbolic link (to a file or a folder) would publish what lies outside the folder, a FIFO
// blocks whoever opens it, a device never ends.
func NotRegular(mode fs.FileMode) string {
	if mode&fs.ModeSymlink != 0 {
		return "là liên kết tượng trưng (symlink): chỉ đọc tệp và thư mục thật nằm trong thư mục; chép tệp vào thay cho liên kết"
	}
	return "không phải tệp thường (ống dẫn, thiết bị hay socket): không đọc"
}

// unreadable reports whether the file name, or a folder it is in, could not be read: its
// problem is reported, and nothing that refers to it is reported again.
func (set *Set) unreadable(name string) bool {
	for ; name != "." && name != "/"; name = path.Dir(name) {
		if set.Unreadable[name] {
			return true
		}
	}
	return false
}

// readText reads a content file as NFC text. Vietnamese typed on different systems arrives
// precomposed or decomposed; the site and its search compare strings, so everything is NFC
// from here on. A file that cannot be read is marked unreadable, so that what refers to it
// is not reported again.
func (set *Set) readText(fsys fs.FS, name string, errs *diag.List) ([]byte, bool) {
	text, err := readFile(fsys, name)
	if err == nil {
		err = diag.CheckUTF8(name, text)
	}
	if err != nil {
		errs.Append(err)
		set.Unreadable[name] = true
		return nil, false
	}
	set.hash(name, text)
	return normalize(text), true
}

// normalize makes a file's text NFC, without a byte-order mark.
func normalize(text []byte) []byte {
	return norm.NFC.Bytes(bytes.TrimPrefix(text, []byte("\ufeff")))
}

// ReadFile reads one file of a content folder as Load does: only a regular file reached
// through real folders, at most MaxFileSize bytes. It is for commands that read a single
// content file by its name, as an import that revises a plan. An error wraps
// fs.ErrNotExist when there is no such file.
func ReadFile(fsys fs.FS, name string) ([]byte, error) {
	// From the top down, so that a link is refused wherever it leads.
	parts := strings.Split(name, "/")
	for i := range parts {
		p := strings.Join(parts[:i+1], "/")
		st, err := fs.Lstat(fsys, p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() && !st.Mode().IsRegular() {
			return nil, diag.Errorf(diag.Pos{File: p}, "%s", NotRegular(st.Mode().Type()))
		}
	}
	return readFile(fsys, name)
}

// readFile reads a regular file of at most MaxFileSize bytes. The listing said it is a
// regular file; what was opened is checked again, in case it was replaced since.
func readFile(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &diag.Error{Pos: diag.Pos{File: name}, Msg: fmt.Sprintf("không đọc được: %v", err), Err: err}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "không đọc được: %v", err)
	}
	if !st.Mode().IsRegular() {
		return nil, diag.Errorf(diag.Pos{File: name}, "không phải tệp thường: không đọc")
	}
	tooBig := diag.Errorf(diag.Pos{File: name}, "tệp lớn hơn giới hạn %s của một tệp nội dung: kiểm tra lại tệp, hoặc chia nhỏ", sizeName(MaxFileSize))
	if st.Size() > MaxFileSize {
		return nil, tooBig
	}
	text, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, diag.Errorf(diag.Pos{File: name}, "không đọc được: %v", err)
	}
	if len(text) > MaxFileSize {
		return nil, tooBig
	}
	return text, nil
}

// sizeName writes a size in MiB: "2 MiB".
func sizeName(n int) string { return fmt.Sprintf("%d MiB", n>>20) }

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
