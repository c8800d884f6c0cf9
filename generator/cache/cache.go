// Package cache keeps what a build decoded or derived for the next one, in one file beside
// the published folder: tables that their owners encode (content's decoded records, for
// one), written a segment per build, so that a build that changed one file appends one
// small segment instead of writing the whole cache again.
//
// The cache is never trusted for more than it is: a file made by another congkhai, or cut
// short, or damaged, is ignored (Open says why) from the first segment that fails its
// checksum, and a build without it is only slower. The owners key their entries by what
// they were made from, so that a stale entry is never used, only not yet dropped.
//
// Layout: a header line naming the format, the program's build ID (package buildid), then
// segments, each its length and CRC-32 (4 bytes each, big-endian) and its tables, each a
// name and the owner's bytes, both prefixed with their length (uvarint).
package cache

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"

	"congkhai/generator/buildid"
)

const format = "congkhai cache 1"

// maxSegment bounds a segment's length as read, so that a damaged length cannot ask for
// all the memory.
const maxSegment = 1 << 31

// File is a cache file as read, and where the next segment goes.
type File struct {
	path     string
	segments []map[string][]byte
	valid    int64 // bytes of the file that were read whole: the next segment goes here
	// Ignored says why what was in the file was not used, in part or whole ("" if the file
	// was read whole or did not exist); Foreign, that another congkhai made it, which is
	// no damage.
	Ignored string
	Foreign bool
}

// header is the file's first line: the format and the program.
func header() []byte {
	return []byte(format + " " + strconv.FormatUint(buildid.Program(), 16) + "\n")
}

// Open reads the cache file at path. It does not fail: a missing file is an empty cache,
// and a foreign or damaged one is read up to its last sound segment, Ignored saying why.
func Open(path string) *File {
	f := &File{path: path}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return f
	case err != nil:
		f.Ignored = fmt.Sprintf("không đọc được bộ nhớ đệm %s: %v", path, err)
		return f
	}
	h := header()
	if !bytes.HasPrefix(data, h) {
		f.Ignored, f.Foreign = fmt.Sprintf("bộ nhớ đệm %s do phiên bản congkhai khác tạo: bỏ qua", path), true
		return f
	}
	off := int64(len(h))
	f.valid = off
	for off < int64(len(data)) {
		if int64(len(data))-off < 8 {
			f.Ignored = fmt.Sprintf("bộ nhớ đệm %s bị cắt ngang: bỏ qua phần cuối", path)
			break
		}
		n := int64(binary.BigEndian.Uint32(data[off:]))
		sum := binary.BigEndian.Uint32(data[off+4:])
		body := data[off+8:]
		if n > maxSegment || n > int64(len(body)) || crc32.ChecksumIEEE(body[:n]) != sum {
			f.Ignored = fmt.Sprintf("bộ nhớ đệm %s bị hỏng: bỏ qua từ byte %d", path, off)
			break
		}
		seg, ok := decodeSegment(body[:n])
		if !ok {
			f.Ignored = fmt.Sprintf("bộ nhớ đệm %s bị hỏng: bỏ qua từ byte %d", path, off)
			break
		}
		f.segments = append(f.segments, seg)
		off += 8 + n
		f.valid = off
	}
	return f
}

// Reset forgets what the file held: the next write replaces it (a clean build's cache).
func (f *File) Reset() {
	f.segments, f.valid = nil, 0
}

// Table returns what the segments hold for the table name, oldest first.
func (f *File) Table(name string) [][]byte {
	var out [][]byte
	for _, seg := range f.segments {
		if b, ok := seg[name]; ok {
			out = append(out, b)
		}
	}
	return out
}

// Append adds a segment holding tables after the last sound one (what follows it, a
// segment cut short by a killed build, is dropped).
func (f *File) Append(tables map[string][]byte) error {
	if f.valid == 0 {
		return f.Replace(tables)
	}
	file, err := os.OpenFile(f.path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := file.Truncate(f.valid); err == nil {
		_, err = file.Seek(f.valid, io.SeekStart)
	}
	n := int64(0)
	if err == nil {
		n, err = writeSegment(file, tables)
	}
	if cerr := file.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	f.segments = append(f.segments, tables)
	f.valid += n
	return nil
}

// Replace writes the file anew with one segment holding tables: when most of what it
// holds is stale. The new file takes the old one's place whole, or not at all.
func (f *File) Replace(tables map[string][]byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(f.path), "."+filepath.Base(f.path)+"-*")
	if err != nil {
		return err
	}
	w := bufio.NewWriter(tmp)
	_, err = w.Write(header())
	n := int64(0)
	if err == nil {
		n, err = writeSegment(w, tables)
	}
	if err == nil {
		err = w.Flush()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	f.segments = []map[string][]byte{tables}
	f.valid = int64(len(header())) + n
	f.Ignored, f.Foreign = "", false
	return nil
}

func writeSegment(w io.Writer, tables map[string][]byte) (int64, error) {
	var body []byte
	for _, name := range slices.Sorted(maps.Keys(tables)) {
		body = appendPair(body, name, tables[name])
	}
	if len(body) > maxSegment {
		return 0, fmt.Errorf("bộ nhớ đệm: phần ghi lớn quá (%d byte)", len(body))
	}
	var head [8]byte
	binary.BigEndian.PutUint32(head[:], uint32(len(body)))
	binary.BigEndian.PutUint32(head[4:], crc32.ChecksumIEEE(body))
	if _, err := w.Write(head[:]); err != nil {
		return 0, err
	}
	_, err := w.Write(body)
	return int64(8 + len(body)), err
}

// decodeSegment reads the tables of a segment's body.
func decodeSegment(b []byte) (map[string][]byte, bool) {
	seg := map[string][]byte{}
	ok := readPairs(b, func(name, data []byte) { seg[string(name)] = data })
	return seg, ok
}

// appendPair appends a name and its bytes, each after its length (uvarint).
func appendPair(b []byte, name string, data []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(name)))
	b = append(b, name...)
	b = binary.AppendUvarint(b, uint64(len(data)))
	return append(b, data...)
}

// readPairs calls f with each pair that appendPair wrote into b, and reports whether b
// held whole pairs only.
func readPairs(b []byte, f func(name, data []byte)) bool {
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, false
		}
		v := b[k : k+int(n)]
		b = b[k+int(n):]
		return v, true
	}
	for len(b) > 0 {
		name, ok := next()
		if !ok {
			return false
		}
		data, ok := next()
		if !ok {
			return false
		}
		f(name, data)
	}
	return true
}

// Table is a table of the cache as its owner uses it during a build: entries by key, those
// the build used, those it added. Entries are kept as JSON, one each, which, unlike gob, tells a
// number 0 from none and an empty list from a missing one. An entry read from the file is
// decoded when it is first asked for, so that the owner's workers decode on every core
// (decoding 46 MB of records at once was a second of a 10,000-page rebuild).
type Table[V any] struct {
	mu      sync.Mutex
	entries map[string]V
	raw     map[string]json.RawMessage // read, not yet decoded
	used    map[string]bool
	added   map[string]bool
	read    int // entries DecodeTable read, superseded ones included
}

// NewTable returns an empty table.
func NewTable[V any]() *Table[V] {
	return &Table[V]{entries: map[string]V{}, raw: map[string]json.RawMessage{}, used: map[string]bool{}, added: map[string]bool{}}
}

// DecodeTable reads a table from what Encode wrote, oldest first, a later entry of a key
// replacing an earlier one. It stops at the first part it cannot read, keeping what came
// before; an entry that cannot be decoded is, when asked for, missing.
func DecodeTable[V any](parts [][]byte) *Table[V] {
	t := NewTable[V]()
	for _, p := range parts {
		m := map[string]json.RawMessage{}
		if !readPairs(p, func(key, data []byte) { m[string(key)] = data }) {
			break
		}
		maps.Copy(t.raw, m)
		t.read += len(m)
	}
	return t
}

// Begin starts a build's use of the table.
func (t *Table[V]) Begin() {
	t.used, t.added = map[string]bool{}, map[string]bool{}
}

// End drops the entries the build did not use: what they were made from is gone.
func (t *Table[V]) End() {
	maps.DeleteFunc(t.entries, func(k string, _ V) bool { return !t.used[k] })
	clear(t.raw)
}

// Get returns the entry of key, and counts it used. Callers may ask on many goroutines.
func (t *Table[V]) Get(key string) (V, bool) {
	t.mu.Lock()
	v, ok := t.entries[key]
	raw, isRaw := t.raw[key]
	if ok || isRaw {
		t.used[key] = true
	}
	delete(t.raw, key)
	t.mu.Unlock()
	if ok || !isRaw {
		return v, ok
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		var zero V
		return zero, false
	}
	t.mu.Lock()
	if _, put := t.entries[key]; !put { // a Put of the same key meanwhile wins
		t.entries[key] = v
	}
	t.mu.Unlock()
	return v, true
}

// Put adds or replaces the entry of key.
func (t *Table[V]) Put(key string, v V) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.raw, key)
	t.entries[key], t.used[key], t.added[key] = v, true, true
}

// Counts returns how many entries the table holds after the build, how many the build
// added, and how many DecodeTable read, superseded ones included: what a file holding every
// segment holds.
func (t *Table[V]) Counts() (live, added, read int) {
	return len(t.entries) + len(t.raw), len(t.added), t.read
}

// Encode writes the entries the build added, or, with all, every entry: each key and its
// value's JSON after their lengths, in key order, so that the same entries make the same
// bytes, and reading them back only cuts the bytes where the lengths say (scanning 500 MB
// of JSON for its ends took 9 s of a 100,000-page rebuild).
func (t *Table[V]) Encode(all bool) ([]byte, error) {
	keys := slices.Collect(maps.Keys(t.added))
	if all {
		// Every entry: those decoded, and those read but not asked for by a build that did
		// not use the table (End drops them otherwise).
		keys = slices.AppendSeq(slices.Collect(maps.Keys(t.entries)), maps.Keys(t.raw))
	}
	slices.Sort(keys)
	var b []byte
	for _, k := range keys {
		v, isRaw := t.raw[k]
		if !isRaw {
			var err error
			if v, err = json.Marshal(t.entries[k]); err != nil {
				return nil, err
			}
		}
		b = appendPair(b, k, v)
	}
	return b, nil
}

// Encoder is a table to save: Table[V] for any V.
type Encoder interface {
	Counts() (live, added, read int)
	Encode(all bool) ([]byte, error)
}

// Save writes tables into f after a build: the entries each added, in a new segment, or,
// when f would hold more superseded or dropped entries than live ones, or was not read
// whole, everything anew.
func (f *File) Save(tables map[string]Encoder) error {
	var live, added, read int
	for _, t := range tables {
		l, a, r := t.Counts()
		live, added, read = live+l, added+a, read+r
	}
	all := f.Ignored != "" || read+added > 2*live
	if !all && added == 0 {
		return nil // nothing new; what was dropped goes when the file is written anew
	}
	out := map[string][]byte{}
	for name, t := range tables {
		b, err := t.Encode(all)
		if err != nil {
			return err
		}
		out[name] = b
	}
	if all {
		return f.Replace(out)
	}
	return f.Append(out)
}
