package content

import (
	"crypto/sha256"
	"io/fs"
	"path"
	"time"

	"congkhai/generator/cache"
)

// Cache holds the records decoded from content files by earlier builds, so that a build
// decodes only the files that changed: a file whose name, size and modification time are
// those of an entry is not read; its record, and the hash of its bytes, are the entry's.
// Only files that decoded without a problem are kept. The preview server keeps one Cache
// across its builds; a build from the command line keeps it in the file of package cache.
type Cache struct{ *cache.Table[*cacheEntry] }

// cacheEntry is one file's record, exactly one of the pointers being set (none for a
// plan's Markdown, whose text is Text).
type cacheEntry struct {
	Size  int64
	MTime int64 // modification time, Unix nanoseconds
	// Read is when the file was read (Unix nanoseconds). A file changed again within the
	// modification time's resolution keeps its time: an entry whose file was modified
	// less than racyWindow before it was read is used only once its bytes' hash is checked.
	Read int64
	Hash Hash
	Line int    // lines before the TOML: a report's front matter starts after its "+++"
	Text string // a plan's decision.md or narrative.md

	Site      *SiteFile
	Agencies  *AgencyFile
	Plan      *PlanFile
	Report    *ReportFile
	Holidays  *HolidaysFile
	Procedure *ProcedureFile
	Petition  *PetitionFile
	Results   *ResultsFile
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{cache.NewTable[*cacheEntry]()} }

// DecodeCache reads a cache from what its Encode wrote (package cache).
func DecodeCache(parts [][]byte) *Cache { return &Cache{cache.DecodeTable[*cacheEntry](parts)} }

// racyWindow is the coarsest resolution of modification times among the file systems the
// content may be on (FAT: 2 seconds).
const racyWindow = int64(2 * time.Second)

// racy reports whether the file may have changed since it was read without its size or
// modification time changing.
func (e *cacheEntry) racy() bool { return e.Read-e.MTime < racyWindow }

// lookup returns the entry of the file name with this size and modification time.
func (c *Cache) lookup(name string, size, mtime int64) *cacheEntry {
	e, ok := c.Get(name)
	if !ok || e.source() == nil && e.Text == "" || e.Size != size || e.MTime != mtime {
		return nil
	}
	return e
}

// source returns the entry's record's source, or nil for a Markdown text.
func (e *cacheEntry) source() *source {
	switch {
	case e.Site != nil:
		return &e.Site.source
	case e.Agencies != nil:
		return &e.Agencies.source
	case e.Plan != nil:
		return &e.Plan.source
	case e.Report != nil:
		return &e.Report.source
	case e.Holidays != nil:
		return &e.Holidays.source
	case e.Procedure != nil:
		return &e.Procedure.source
	case e.Petition != nil:
		return &e.Petition.source
	case e.Results != nil:
		return &e.Results.source
	}
	return nil
}

// entryOf makes the cache entry of a file that f read without a problem, or nil.
func (f *fileLoad) entryOf(info fs.FileInfo) *cacheEntry {
	if len(f.errs) > 0 || info == nil {
		return nil
	}
	s := f.set
	e := &cacheEntry{Size: info.Size(), MTime: info.ModTime().UnixNano(), Read: f.read, Hash: s.Hashes[f.name]}
	switch {
	case s.Site != nil:
		e.Site = s.Site
	case len(s.Authorities) == 1:
		e.Agencies = s.Authorities[0]
	case len(s.Plans) == 1:
		e.Plan = s.Plans[0]
	case len(s.Reports) == 1:
		e.Report = s.Reports[0]
	case s.Holidays != nil:
		e.Holidays = s.Holidays
	case len(s.Procedures) == 1:
		e.Procedure = s.Procedures[0]
	case len(s.Petitions) == 1:
		e.Petition = s.Petitions[0]
	case len(s.Results) == 1:
		e.Results = s.Results[0]
	case f.markdown != "":
		e.Text = f.text
	default:
		return nil
	}
	if src := e.source(); src != nil {
		e.Line = src.line
	}
	return e
}

// use puts a cached entry's record into f.set, as if the file had been read: its source
// reads the file again only if a position in it is asked for.
func (f *fileLoad) use(e *cacheEntry, fsys fs.FS) {
	s := f.set
	s.Hashes[f.name] = e.Hash
	if src := e.source(); src != nil {
		src.File, src.line = f.name, e.Line
		if src.text == nil {
			src.reread = func() []byte { return rereadSource(fsys, f.name, e.Line > 0) }
		}
	}
	switch {
	case e.Site != nil:
		s.Site = e.Site
	case e.Agencies != nil:
		s.Authorities = append(s.Authorities, e.Agencies)
	case e.Plan != nil:
		s.Plans = append(s.Plans, e.Plan)
	case e.Report != nil:
		s.Reports = append(s.Reports, e.Report)
	case e.Holidays != nil:
		s.Holidays = e.Holidays
	case e.Procedure != nil:
		s.Procedures = append(s.Procedures, e.Procedure)
	case e.Petition != nil:
		s.Petitions = append(s.Petitions, e.Petition)
	case e.Results != nil:
		s.Results = append(s.Results, e.Results)
	default:
		f.markdown, f.text = path.Base(f.name), e.Text
	}
}

// sameBytes reports whether the file holds the bytes the entry was decoded from.
func (f *fileLoad) sameBytes(fsys fs.FS, e *cacheEntry) bool {
	text, err := readFile(fsys, f.name)
	if err != nil {
		return false
	}
	sum := sha256.Sum256(text)
	return Hash(sum[:16]) == e.Hash
}

// rereadSource reads a cached file's TOML again, for positions in it: the file has the
// size and time it had when it was decoded, so it is the same text.
func rereadSource(fsys fs.FS, name string, front bool) []byte {
	text, err := readFile(fsys, name)
	if err != nil {
		return nil
	}
	text = normalize(text)
	if front {
		text, _, _, _ = splitFrontMatter(text)
	}
	return text
}
