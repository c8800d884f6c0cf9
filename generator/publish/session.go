package publish

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// A build publishes through a Session: it opens one (taking the lock of out), tells it for
// every output whether the output's inputs are those of the published file (Unchanged, then
// Keep) or hands it the output's bytes (Put), and commits.
//
// The session keeps a manifest, outside the published folder, of every published file's
// input hash and output hash. With a manifest that matches what is published, a session is
// incremental: it writes only the files whose bytes changed, into a staging folder beside
// out, and Commit moves them into place and removes the files no output has any more,
// through a journal that the next build completes if this one is killed (see Recover).
// Without one (the first build, a build after someone else's, or Options.Full), it writes
// the whole site into a fresh folder and swaps it in, as Write does. Either way a build
// that fails before Commit leaves the published site as it was, and a build with nothing
// changed writes nothing at all.

// File is a file of the site: its path, slash-separated and relative to the site's root,
// and its bytes.
type File struct {
	Path string
	Data []byte
	Raw  bool // written as given: compact already, not minified
}

// Options configure a session.
type Options struct {
	// Full writes the whole site, as if nothing had been published ("--clean").
	Full bool
	// Private says that only this program writes into out (the preview server's folder):
	// what is published is what the manifest says, and the folder is not read to find
	// files removed or added by hand (130 ms for 12,000 folders).
	Private bool
}

// Stats describes what was published.
type Stats struct {
	Files   int   // files of the site, the marker included
	Pages   int   // HTML files
	Bytes   int64 // after minification
	Written int   // files written, because their bytes changed or they are new
	Removed int   // files removed, no output having them any more

	WrittenPaths, RemovedPaths []string // the paths of both, sorted, the marker left out
}

// Session is one build's publishing into out.
type Session struct {
	out, dst string // as given, and the folder it resolves to
	unlock   func()
	old      manifest // what is published, when it can be trusted
	full     bool     // writing the whole site into stage
	stage    string   // the folder files are written into, made on first need

	mu       sync.Mutex
	next     manifest // what will be published
	written  []string // the paths written into stage
	extra    []string // files at out that no build of congkhai made
	dirs     map[string]*dirOnce
	closed   bool
	stageErr error
}

// entry is a published file: the hash of its inputs (0 when the build gave none) and of its
// bytes, and its size.
type entry struct {
	in   uint64
	out  [16]byte
	size int64
}

type manifest struct {
	id    string // of the build that wrote it; the marker in out names it too
	files map[string]entry
}

// Open starts publishing into out: it takes the lock beside out (a second build is refused
// at once, before it renders anything), repairs what interrupted builds left, and reads the
// manifest of what is published.
func Open(out string, opts Options) (*Session, error) {
	dst, err := target(out)
	if err != nil {
		return nil, err
	}
	if err := checkReplaceable(dst); err != nil {
		return nil, err
	}
	if err := mkdirAll(filepath.Dir(dst)); err != nil {
		return nil, besideErr(out, dst, err)
	}
	unlock, err := disk.lock(lockName(dst))
	if errors.Is(err, errBusy) {
		return nil, fmt.Errorf("một lần dựng khác đang ghi vào %s; hãy đợi lần đó xong rồi dựng lại", out)
	}
	if err != nil {
		return nil, keptErr(out, dst, besideErr(out, dst, err))
	}
	at(stepLocked)
	if _, err := repair(dst); err != nil {
		unlock()
		return nil, err
	}
	s := &Session{out: out, dst: dst, unlock: unlock, next: manifest{files: map[string]entry{}}, dirs: map[string]*dirOnce{}}
	s.old, s.full = readManifest(dst), opts.Full
	if s.old.files == nil {
		s.full = true
	}
	if !s.full && !opts.Private {
		if err := s.checkPublished(); err != nil {
			s.Close()
			return nil, err
		}
	}
	return s, nil
}

// checkPublished compares the manifest with the files at out, by name: a file someone
// removed is written again, a file someone added is removed, so that out holds the site the
// build makes and nothing else, as after a whole rewrite.
func (s *Session) checkPublished() error {
	present := map[string]bool{}
	var walk func(dir, rel string) error
	walk = func(dir, rel string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			p := path.Join(rel, e.Name())
			if e.IsDir() {
				if err := walk(filepath.Join(dir, e.Name()), p); err != nil {
					return err
				}
				continue
			}
			present[p] = true
		}
		return nil
	}
	if err := walk(s.dst, ""); err != nil {
		return err
	}
	for p := range s.old.files {
		if !present[p] {
			delete(s.old.files, p)
		}
	}
	for p := range present {
		if _, ok := s.old.files[p]; !ok && p != Marker {
			s.extra = append(s.extra, p)
		}
	}
	return nil
}

// Incremental reports whether the session writes only what changed.
func (s *Session) Incremental() bool { return !s.full }

// Unchanged reports whether the published file at path was made from inputs of the hash in,
// so that the build need not make it again; it then calls Keep.
func (s *Session) Unchanged(path string, in uint64) bool {
	e, ok := s.old.files[path]
	return !s.full && ok && in != 0 && e.in == in
}

// KeepAll keeps every published file whose path match accepts, if there are any and they
// were all made from inputs of the hash in (a group of files made together, as the search
// index), and reports whether it did.
func (s *Session) KeepAll(match func(path string) bool, in uint64) bool {
	if s.full || in == 0 {
		return false
	}
	var paths []string
	for p, e := range s.old.files {
		if match(p) {
			if e.in != in {
				return false
			}
			paths = append(paths, p)
		}
	}
	for _, p := range paths {
		s.Keep(p)
	}
	return len(paths) > 0
}

// Keep keeps the published file at path as it is.
func (s *Session) Keep(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next.files[path] = s.old.files[path]
}

// Put hands the session an output: its path, the hash of its inputs (0 if none) and its
// bytes, which Put minifies. The file is written (into the staging folder) only if its bytes
// differ from the published file's. Put is safe for concurrent use.
func (s *Session) Put(f File, in uint64) error {
	if !fs.ValidPath(f.Path) || strings.Contains(f.Path, "\\") || f.Path == Marker {
		return fmt.Errorf("đường dẫn tệp không hợp lệ: %q", f.Path)
	}
	if err := minifyFile(&f); err != nil {
		return err
	}
	sum := sha256.Sum256(f.Data)
	e := entry{in: in, size: int64(len(f.Data))}
	copy(e.out[:], sum[:16])
	old, published := s.old.files[f.Path]
	s.mu.Lock()
	if _, dup := s.next.files[f.Path]; dup {
		s.mu.Unlock()
		return fmt.Errorf("hai tệp cùng đường dẫn %s", f.Path)
	}
	s.next.files[f.Path] = e
	s.mu.Unlock()
	if !s.full && published && old.out == e.out {
		return nil
	}
	return s.stageFile(f)
}

// stageFile writes f into the staging folder, making it and the folders f needs.
func (s *Session) stageFile(f File) error {
	stage, err := s.stageDir()
	if err != nil {
		return err
	}
	dir := path.Dir(f.Path)
	if err := s.stageDirs(stage, dir); err != nil {
		return err
	}
	if err := disk.writeFile(filepath.Join(stage, filepath.FromSlash(f.Path)), f.Data); err != nil {
		return keptErr(s.out, s.dst, err)
	}
	s.mu.Lock()
	s.written = append(s.written, f.Path)
	if len(s.written) == 1 {
		at(stepWriting)
	}
	s.mu.Unlock()
	return nil
}

// stageDir makes the staging folder on first need, with the marker as its first file.
func (s *Session) stageDir() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stage != "" || s.stageErr != nil {
		return s.stage, s.stageErr
	}
	tmp, err := newFolder(s.dst)
	if err != nil {
		s.stageErr = keptErr(s.out, s.dst, besideErr(s.out, s.dst, err))
		return "", s.stageErr
	}
	at(stepCreated)
	s.stage = tmp
	if err := disk.writeFile(filepath.Join(tmp, Marker), markerText); err != nil {
		s.stageErr = keptErr(s.out, s.dst, err)
		return "", s.stageErr
	}
	at(stepMarked)
	return s.stage, nil
}

// stageDirs makes the folder dir, and those above it, in the staging folder. Each folder is
// made once; a Put that needs one another Put is making waits for it.
func (s *Session) stageDirs(stage, dir string) error {
	var chain []string
	for d := dir; d != "."; d = path.Dir(d) {
		chain = append(chain, d)
	}
	slices.Reverse(chain)
	for _, d := range chain {
		s.mu.Lock()
		once := s.dirs[d]
		if once == nil {
			once = &dirOnce{}
			s.dirs[d] = once
		}
		s.mu.Unlock()
		once.Do(func() {
			if err := disk.mkdir(filepath.Join(stage, filepath.FromSlash(d))); err != nil && !errors.Is(err, fs.ErrExist) {
				once.err = keptErr(s.out, s.dst, err)
			}
		})
		if once.err != nil {
			return once.err
		}
	}
	return nil
}

// dirOnce makes a folder of the staging folder once.
type dirOnce struct {
	sync.Once
	err error
}

// Close ends a session without publishing, if Commit was not called: what was staged is
// removed, the published site stays as it was, and the lock is released.
func (s *Session) Close() {
	if s.closed {
		return
	}
	s.closed = true
	if s.stage != "" {
		removeSite(s.stage)
	}
	s.unlock()
}

// Commit publishes what the session was given: every output Put or Kept, and nothing else.
// It writes nothing if nothing changed.
func (s *Session) Commit() (Stats, error) {
	defer s.Close()
	st := s.stats()
	s.next.id = s.next.digest()
	if s.full {
		if _, err := s.stageDir(); err != nil {
			return st, err
		}
		if err := disk.writeFile(filepath.Join(s.stage, Marker), s.next.marker()); err != nil {
			return st, keptErr(s.out, s.dst, err)
		}
		// The manifest first: until the swap, the marker in out names another build, so
		// the manifest is not trusted; a failed swap leaves nothing wrong.
		if err := writeManifest(s.dst, s.next); err != nil {
			return st, keptErr(s.out, s.dst, err)
		}
		at(stepWritten)
		if err := swap(s.stage, s.dst); err != nil {
			return st, keptErr(s.out, s.dst, err)
		}
		s.stage = ""
		st.Written = len(s.next.files)
		st.WrittenPaths = slices.Sorted(mapKeys(s.next.files))
		return st, nil
	}
	removed := slices.Clone(s.extra)
	for p := range s.old.files {
		if _, ok := s.next.files[p]; !ok {
			removed = append(removed, p)
		}
	}
	slices.Sort(removed)
	st.Removed, st.RemovedPaths = len(removed), removed
	if len(s.written) == 0 && len(removed) == 0 {
		// Nothing changed in out. Outputs whose inputs changed but whose bytes did not (a
		// new congkhai, an edit no page shows) still need their new input hashes kept, or
		// every later build renders them again. The marker names only paths and output
		// hashes, so it still names this manifest.
		if !maps.EqualFunc(s.old.files, s.next.files, func(a, b entry) bool { return a.in == b.in }) {
			if err := writeManifest(s.dst, s.next); err != nil {
				return st, fmt.Errorf("ghi danh mục %s: %w", manifestName(s.dst), err)
			}
		}
		return st, nil
	}
	slices.Sort(s.written)
	st.Written, st.WrittenPaths = len(s.written), s.written
	j := journal{stage: filepath.Base(s.stage), puts: s.written, dels: removed, next: s.next}
	if s.stage == "" {
		stage, err := s.stageDir()
		if err != nil {
			return st, err
		}
		j.stage = filepath.Base(stage)
	}
	if err := writeJournal(s.dst, j); err != nil {
		return st, keptErr(s.out, s.dst, err)
	}
	at(stepWritten)
	s.stage = "" // the journal owns it now
	if err := applyJournal(s.dst, j); err != nil {
		return st, fmt.Errorf("%w; lần dựng sau sẽ hoàn tất việc cập nhật %s", err, s.out)
	}
	return st, nil
}

func (s *Session) stats() Stats {
	var st Stats
	for p, e := range s.next.files {
		st.Files++
		st.Bytes += e.size
		if path.Ext(p) == ".html" {
			st.Pages++
		}
	}
	st.Files++ // the marker
	st.Bytes += int64(len(s.next.marker()))
	return st
}

// digest names the site a manifest describes: its paths and output hashes. The same site
// has the same name, so the marker, which shows it, is the same file.
func (m manifest) digest() string {
	h := sha256.New()
	for _, p := range slices.Sorted(mapKeys(m.files)) {
		e := m.files[p]
		h.Write([]byte(p))
		h.Write([]byte{0})
		h.Write(e.out[:])
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// marker is the text of the marker file of the site m describes.
func (m manifest) marker() []byte {
	return append(slices.Clip(markerText), []byte("Bản dựng: "+m.id+"\n")...)
}

// The manifest sits beside the published folder, as ".<out>-manifest": a line a file,
// "path<TAB>input hash<TAB>output hash<TAB>size", after a first line naming the format and the
// build. It is trusted only if the marker in out names the same build: a site published by
// anything else (an older congkhai, a hand) is replaced whole.
const manifestHeader = "congkhai-manifest 1 "

// Beside returns the path of a file of kind beside the published folder, ".<out>-<kind>",
// that the build owns while the session is open (the cache of package cache, for one).
func (s *Session) Beside(kind string) string {
	return filepath.Join(filepath.Dir(s.dst), "."+filepath.Base(s.dst)+"-"+kind)
}

func manifestName(dst string) string {
	return filepath.Join(filepath.Dir(dst), "."+filepath.Base(dst)+"-manifest")
}

// readManifest reads the manifest of what is published at dst, or returns an empty one
// (files nil) if there is none that matches it.
func readManifest(dst string) manifest {
	data, err := os.ReadFile(manifestName(dst))
	if err != nil {
		return manifest{}
	}
	m, ok := parseManifest(data)
	if !ok {
		return manifest{}
	}
	marker, err := os.ReadFile(filepath.Join(dst, Marker))
	if err != nil || !bytes.Equal(marker, m.marker()) {
		return manifest{}
	}
	return m
}

func parseManifest(data []byte) (manifest, bool) {
	first, rest, ok := bytes.Cut(data, []byte("\n"))
	id, isManifest := strings.CutPrefix(string(first), manifestHeader)
	if !ok || !isManifest || id == "" {
		return manifest{}, false
	}
	m := manifest{id: id, files: map[string]entry{}}
	sc := bufio.NewScanner(bytes.NewReader(rest))
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			return manifest{}, false
		}
		in, err1 := strconv.ParseUint(f[1], 16, 64)
		out, err2 := hex.DecodeString(f[2])
		size, err3 := strconv.ParseInt(f[3], 10, 64)
		if err1 != nil || err2 != nil || err3 != nil || len(out) != 16 || !fs.ValidPath(f[0]) {
			return manifest{}, false
		}
		e := entry{in: in, size: size}
		copy(e.out[:], out)
		m.files[f[0]] = e
	}
	return m, sc.Err() == nil && m.digest() == m.id
}

func (m manifest) encode() []byte {
	var b bytes.Buffer
	b.WriteString(manifestHeader + m.id + "\n")
	for _, p := range slices.Sorted(mapKeys(m.files)) {
		e := m.files[p]
		fmt.Fprintf(&b, "%s\t%x\t%x\t%d\n", p, e.in, e.out, e.size)
	}
	return b.Bytes()
}

// writeManifest replaces the manifest of dst, through a temporary file.
func writeManifest(dst string, m manifest) error {
	return replaceFile(manifestName(dst), m.encode())
}

// replaceFile writes data to name through a temporary file beside it, so that name holds
// the old bytes or the new ones, whole.
func replaceFile(name string, data []byte) error {
	tmp := name + ".tmp"
	err := disk.writeFile(tmp, data)
	if err == nil {
		err = disk.rename(tmp, name)
	}
	if err != nil {
		disk.remove(tmp)
	}
	return err
}
