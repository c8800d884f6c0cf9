package search

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"congkhai/generator/parallel"
)

// Kind is a kind of page the index holds. The order of the kinds passed to Build is the
// order of the filter buttons.
type Kind struct {
	ID, Label string
	// Boost multiplies the score of the kind's pages (1 if zero): a page of record (a
	// procedure, an agency, a plan) should come before a petition that quotes it.
	Boost float64
}

// Doc is one page worth finding.
type Doc struct {
	Kind  string
	URL   string // the page's path from the site root ("thu-tuc/1.001226/index.html")
	Title string
	// FullTitle is what is indexed as the title when Title, which results show, is
	// shortened (a task's title is the start of its content).
	FullTitle string
	// Code holds what identifies the page and what people paste: a procedure code, a
	// document number, a task number. It weighs as much as the title.
	Code string
	// Context is the line under the title: the plan of a task, the field of a procedure.
	Context      string
	Status       string // the page's status in words, if it has one
	Illustrative bool   // the record is illustrative data
	Plan         string // the plan the page belongs to, for the plan filter
	Year         int    // the year of the page, for the year filter; 0 if none
	// Body is the rest of the text worth finding, in the order the page shows it. The
	// start of it makes the snippet.
	Body []string
}

// Filter is a value of a filter people choose by its label (a plan).
type Filter struct{ ID, Label string }

// File is one file of the index, its path relative to the index folder.
type File struct {
	Path string
	Data []byte
}

// Index is a built index: the files of one folder. Every part is named by its number and
// a hash of its bytes ("t/12.3f9a0c.js"), and the part list, m.<Version>.js, by a hash of
// the whole: a new index keeps the files of the parts that did not change, so a rebuild
// writes only the parts an edit touched, and a browser never mixes parts of two builds.
type Index struct {
	Version string // a hash of the files, which names the part list
	Meta    string // the part list's path, "m.<Version>.js": the entry names it
	Files   []File
	Docs    int
	Terms   int
}

// hashChars is the length of the hash in a part's name. The part's number is in the name
// too, so the hash only tells two versions of the same part apart.
const hashChars = 6

// Field weights. A page's weight for a term is the weight of the strongest field holding
// it plus one for each further occurrence (at most three more), capped to fit 4 bits. A
// title weighs more the shorter it is, so that "Đăng ký kết hôn" comes before "Đăng ký kết
// hôn có yếu tố nước ngoài" for the query that names the first exactly, and a very long
// title counts little more than a page's context.
const (
	weightCode    = 12
	weightContext = 3
	weightBody    = 1
	maxWeight     = 15
	maxRepeats    = 3
)

func titleWeight(words int) int {
	if words <= 12 {
		return 12 - words/2
	}
	return max(4, 6-(words-12)/8)
}

// Options tune the split of the index.
type Options struct {
	// PartBytes is the size a term part aims at before compression. A query loads the
	// parts holding its terms, so smaller parts mean smaller first queries but more files.
	PartBytes int
	// SnippetChars bounds the body text kept for each result's snippet.
	SnippetChars int
	// RecordsPerPart is how many pages' records are packed in one record part: the client
	// loads the parts of the results it shows. More means fewer files, and longer lists of
	// their hashes in the part list, but more bytes per result shown.
	RecordsPerPart int
	// Memo, if set, keeps each page's terms and record for the next Build.
	Memo *Memo
}

// DefaultOptions are the sizes the site uses, chosen on the example site with the recall
// set's 86 queries (testdata/search/queries.toml), each in a fresh browser: a median of
// 58 KB gzipped per query, p90 85 KB, in 19 files, about what one record per page cost
// (59 KB, p90 91 KB, 20 files) in a third of the files (1,000 against 2,524). Parts of 16
// records, or of 16 KB, doubled the bytes of a query.
var DefaultOptions = Options{PartBytes: 12 << 10, SnippetChars: 1200, RecordsPerPart: 8}

// Build indexes docs. Docs are numbered by kind, in the order of kinds, then in the order
// given, so that a kind is a range of numbers and the client can count and filter results
// by kind without loading anything.
func Build(kinds []Kind, plans []Filter, docs []Doc, opts Options) (*Index, error) {
	rank := map[string]int{}
	for i, k := range kinds {
		rank[k.ID] = i
	}
	for _, d := range docs {
		if _, ok := rank[d.Kind]; !ok {
			return nil, fmt.Errorf("tìm kiếm: trang %s có loại %q không được khai báo", d.URL, d.Kind)
		}
	}
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int { return rank[a.Kind] - rank[b.Kind] })

	// Postings (term -> exact form -> pages, in page order) are gathered on every core, a run
	// of pages at a time, each run with its own cache of word forms; the runs are then
	// joined in order, term by term, so that lists stay in page order.
	// Each page's record, the small file loaded when it is shown, is written there too.
	runs := make([]map[string]map[string][]posting, 8*runtime.GOMAXPROCS(0))
	records := make([][]byte, len(docs))
	opts.Memo.begin()
	parallel.Do(len(runs), func(r int) error {
		w, terms := newWords(), map[string]map[string][]posting{}
		for i := r * len(docs) / len(runs); i < (r+1)*len(docs)/len(runs); i++ {
			d := &docs[i]
			work := opts.Memo.work(d, opts, func() *docWork { return &docWork{w.docTerms(d), docRecord(d, opts)} })
			records[i] = work.record
			for k, weight := range work.terms {
				t := terms[k.folded]
				if t == nil {
					t = map[string][]posting{}
					terms[k.folded] = t
				}
				t[k.exact] = append(t[k.exact], newPosting(i, weight))
			}
		}
		runs[r] = terms
		return nil
	})
	terms := runs[0]
	for _, run := range runs[1:] {
		for folded, variants := range run {
			t := terms[folded]
			if t == nil {
				terms[folded] = variants
				continue
			}
			for exact, ps := range variants {
				t[exact] = append(t[exact], ps...)
			}
		}
	}
	keys := make([]string, 0, len(terms))
	for k := range terms {
		keys = append(keys, k)
	}
	slices.Sort(keys)

	idx := &Index{Docs: len(docs), Terms: len(keys)}
	var termHashes, recordHashes strings.Builder
	add := func(dir string, n int, hashes *strings.Builder, data []byte) {
		key := dir + strconv.Itoa(n)
		data = register(key, data)
		sum := sha256.Sum256(data)
		h := hex.EncodeToString(sum[:])[:hashChars]
		hashes.WriteString(h)
		idx.Files = append(idx.Files, File{Path: dir + "/" + strconv.Itoa(n) + "." + h + ".js", Data: data})
	}
	// Term parts: entries in term order, cut before the terms that cutAt chooses.
	entries := make([][]byte, len(keys))
	size := 0
	for i, k := range keys {
		entries[i] = encodeTerm(k, terms[k])
		size += len(entries[i]) + 1
	}
	cut := cutAt(opts.PartBytes, size, len(keys))
	var parts []string // first term of each part
	var part bytes.Buffer
	flush := func() {
		if part.Len() == 0 {
			return
		}
		add("t", len(parts)-1, &termHashes, append(append([]byte{'['}, part.Bytes()...), ']'))
		part.Reset()
	}
	for i, k := range keys {
		if part.Len() > 0 && cut(k, part.Len(), len(entries[i])) {
			flush()
		}
		if part.Len() == 0 {
			parts = append(parts, k)
		} else {
			part.WriteByte(',')
		}
		part.Write(entries[i])
	}
	flush()

	// Record parts: the records of RecordsPerPart pages in page order, a JSON array.
	per := max(opts.RecordsPerPart, 1)
	for from := 0; from < len(records); from += per {
		var b bytes.Buffer
		b.WriteByte('[')
		for i, r := range records[from:min(from+per, len(records))] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.Write(r)
		}
		b.WriteByte(']')
		add("d", from/per, &recordHashes, b.Bytes())
	}

	m := meta{Docs: len(docs), Parts: parts, PartHashes: termHashes.String(), PerRecordPart: per,
		RecordHashes: recordHashes.String(), Plans: [][2]string{}, Abbr: FoldedAbbreviations()}
	years := map[int]bool{}
	for i, d := range docs {
		if n := len(m.Kinds); n == 0 || m.Kinds[n-1][0] != d.Kind {
			k := kinds[rank[d.Kind]]
			m.Kinds = append(m.Kinds, [5]any{d.Kind, k.Label, i, i + 1, cmp.Or(k.Boost, 1)})
		} else {
			m.Kinds[n-1][3] = i + 1
		}
		if d.Year > 0 {
			years[d.Year] = true
		}
	}
	for _, p := range plans {
		m.Plans = append(m.Plans, [2]string{p.ID, p.Label})
	}
	for y := range years {
		m.Years = append(m.Years, y)
	}
	slices.Sort(m.Years)
	slices.Reverse(m.Years)

	sum := sha256.Sum256(jsonOf(m)) // the hashes of every part are in it
	m.Version = hex.EncodeToString(sum[:4])
	idx.Version = m.Version
	idx.Meta = "m." + m.Version + ".js"
	idx.Files = append(idx.Files, File{Path: idx.Meta, Data: register("m", jsonOf(m))})
	return idx, nil
}

// cutAt returns the rule that cuts the term parts: before a term whose hash is a multiple
// of a power of two chosen from the average entry (so that parts hold a quarter to half
// of partBytes more than the quarter they start with), once the part holds a quarter of
// partBytes, and before any term that would take it past twice partBytes. A cut depends on
// the terms around it, not on the sizes of the parts before, so an edit that changes a few
// terms changes the parts holding them and rarely their neighbours, where cutting by size
// alone would move every cut after the first change.
func cutAt(partBytes, size, terms int) func(term string, have, entry int) bool {
	every := uint32(1) // a term in every about `every` starts a part
	if terms > 0 {
		for avg := max(size/terms, 1); uint32(avg)*every*4 <= uint32(partBytes); {
			every *= 2
		}
	}
	return func(term string, have, entry int) bool {
		if have+entry > 2*partBytes {
			return true
		}
		h := fnv.New32a()
		h.Write([]byte(term))
		return have >= partBytes/4 && h.Sum32()&(every-1) == 0
	}
}

// posting is a page that holds a term, with the term's weight there (below 16), packed in
// four bytes: a national index holds tens of millions of them.
type posting uint32

func newPosting(doc, weight int) posting { return posting(doc<<4 | weight) }

func (p posting) doc() int { return int(p >> 4) }

// filterTerm is the index term of a filter value: "@p:<plan id>", "@y:2026".
func filterTerm(filter, value string) string { return "@" + filter + ":" + value }

// docTerms returns the weight in d of each term and exact form. Terms are the folded words,
// codes and abbreviations of Tokens and Expand, and the pairs of neighbouring words ("dang ky", "ket hon"), which let a page holding the words
// in the query's order rank above one holding them apart.
func (w *words) docTerms(d *Doc) map[termForm]int {
	type score struct{ best, repeats int }
	m := map[termForm]score{}
	add := func(folded, exact string, weight int) {
		k := termForm{folded, exact}
		if s, ok := m[k]; !ok {
			m[k] = score{best: weight}
		} else {
			m[k] = score{max(s.best, weight), s.repeats + 1}
		}
	}
	field := func(text string, weight int) {
		w.walk(text, func(t Token, k termKind) {
			add(t.Folded, t.Exact, weight)
			if u := Unpad(t.Folded); k != pair && u != t.Folded {
				add(u, Unpad(t.Exact), weight)
			}
		})
	}
	title := d.Title
	if d.FullTitle != "" {
		title = d.FullTitle
	}
	field(title, titleWeight(len(strings.Fields(title))))
	field(d.Code, weightCode)
	field(d.Context, weightContext)
	for _, b := range d.Body {
		field(b, weightBody)
	}
	out := make(map[termForm]int, len(m)+2)
	for k, s := range m {
		out[k] = min(maxWeight, s.best+min(maxRepeats, s.repeats))
	}
	for _, f := range [][2]string{{"p", d.Plan}, {"y", yearString(d.Year)}} {
		if f[1] != "" {
			t := filterTerm(f[0], f[1])
			out[termForm{t, t}] = 1
		}
	}
	return out
}

// termForm is a term and one exact form of it.
type termForm struct{ folded, exact string }

func yearString(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// encodeTerm writes a term's entry: ["folded","exact",[postings],"exact",[postings],...].
// A posting is one number, the gap from the previous page of the list times 16 plus the
// weight; exact forms are in byte order.
func encodeTerm(folded string, variants map[string][]posting) []byte {
	exacts := make([]string, 0, len(variants))
	for e := range variants {
		exacts = append(exacts, e)
	}
	slices.Sort(exacts)
	var b bytes.Buffer
	b.WriteByte('[')
	b.Write(jsonOf(folded))
	for _, e := range exacts {
		b.WriteByte(',')
		b.Write(jsonOf(e))
		b.WriteString(",[")
		prev := 0
		for i, p := range variants[e] {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(int(p) - prev<<4)) // (doc-prev)<<4 | weight
			prev = p.doc()
		}
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.Bytes()
}

// snippetText joins the body texts into one line of at most max characters, cut at a word.
func snippetText(body []string, max int) string {
	var b strings.Builder
	n := 0 // characters written
	for _, s := range body {
		if n > max {
			break // the snippet is full: the other texts need not be split
		}
		// Only the start of a long text can reach the snippet.
		if cut := 8 * max; len(s) > cut {
			for cut > 0 && !utf8.RuneStart(s[cut]) {
				cut--
			}
			s = s[:cut]
		}
		for i, w := range strings.Fields(s) {
			if n > max {
				break
			}
			if b.Len() > 0 {
				sep := " "
				if i == 0 {
					sep = " · "
				}
				b.WriteString(sep)
				n += utf8.RuneCountInString(sep)
			}
			b.WriteString(w)
			n += utf8.RuneCountInString(w)
		}
	}
	s := b.String()
	if n <= max {
		return s
	}
	cut := 0
	for i := range s {
		if cut >= max {
			s = s[:i]
			break
		}
		cut++
	}
	if i := strings.LastIndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	return s + " …"
}

// docRecord is a page's record, JSON, which the client loads to show it in results.
func docRecord(d *Doc, opts Options) []byte {
	rec := record{URL: d.URL, Kind: d.Kind, Title: d.Title, Code: d.Code, Context: d.Context,
		Status: d.Status, Text: snippetText(d.Body, opts.SnippetChars)}
	if d.Illustrative {
		rec.Illustrative = 1
	}
	return jsonOf(rec)
}

type record struct {
	URL          string `json:"u"`
	Kind         string `json:"k"`
	Title        string `json:"t"`
	Code         string `json:"c,omitempty"`
	Context      string `json:"p,omitempty"`
	Status       string `json:"s,omitempty"`
	Illustrative int    `json:"m,omitempty"`
	Text         string `json:"x,omitempty"`
}

type meta struct {
	Version string      `json:"v"`
	Docs    int         `json:"n"`
	Kinds   [][5]any    `json:"kinds"` // id, label, first doc, end doc, boost
	Plans   [][2]string `json:"plans"`
	Years   []int       `json:"years"`
	Parts   []string    `json:"parts"` // first term of each term part
	// PartHashes are the hashes in the term parts' names, hashChars each, in order;
	// RecordHashes those of the record parts, which hold PerRecordPart records each.
	PartHashes    string            `json:"ph"`
	RecordHashes  string            `json:"dh"`
	PerRecordPart int               `json:"dn"`
	Abbr          map[string]string `json:"abbr"`
}

// register wraps data in the call by which a part registers itself with the client: parts
// are scripts, not JSON fetched, because fetch() does not work on pages opened from disk.
func register(key string, data []byte) []byte {
	out := append([]byte("congkhaiSearch.add("), jsonOf(key)...)
	out = append(append(out, ','), data...)
	return append(out, ");\n"...)
}

// jsonOf encodes v, which is only ever our own types and strings.
func jsonOf(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b) // escapes < > &, so that no part can close a <script> if ever inlined
	if err := enc.Encode(v); err != nil {
		panic(err) // only our own types and strings are encoded
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}
