package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"io"
	"strconv"
	"strings"

	"congkhai/generator/cache"
	"congkhai/generator/model"
	"congkhai/generator/search"
)

// The search page, and the folder of the index, whose files sit under a folder named for
// the index's version: tim-kiem/<version>/m.js and its parts.
const (
	searchPath  = "tim-kiem/index.html"
	searchDir   = "tim-kiem/"
	searchEntry = searchDir + "chi-muc.js" // the index's entry, whose path never changes
)

// searchKinds are the kinds of page the index holds, in the order of the search page's
// filters, each with the function that lists its pages. Adding a kind is one entry here.
// Pages of record rank above petitions, which quote them: a query naming a procedure
// wants the procedure first.
var searchKinds = []struct {
	search.Kind
	docs func(*model.Site, func(string) string) []search.Doc
}{
	{search.Kind{ID: "ke-hoach", Label: "Kế hoạch", Boost: 1.3}, planDocs},
	{search.Kind{ID: "nhiem-vu", Label: "Nhiệm vụ"}, taskDocs},
	{search.Kind{ID: "thu-tuc", Label: "Thủ tục", Boost: 1.2}, procedureDocs},
	{search.Kind{ID: "linh-vuc", Label: "Lĩnh vực thủ tục", Boost: 1.2}, fieldDocs},
	{search.Kind{ID: "pakn", Label: "Phản ánh, kiến nghị", Boost: 0.8}, petitionDocs},
	{search.Kind{ID: "chi-so-766", Label: "Chỉ số 766"}, periodDocs},
	{search.Kind{ID: "co-quan", Label: "Cơ quan", Boost: 1.3}, agencyDocs},
}

// SearchFiles builds the search index of site: its parts and its entry.
func SearchFiles(site *model.Site) ([]File, error) { return searchInputOf(site, nil).files(nil) }

// searchInput is everything the index is made of: the pages worth finding, what they say,
// and the filters. Two builds with the same input make the same index.
type searchInput struct {
	Kinds []search.Kind
	Plans []search.Filter
	Docs  []search.Doc
}

func searchInputOf(site *model.Site, texts *Texts) *searchInput {
	texts.begin()
	defer texts.end()
	in := &searchInput{}
	for _, k := range searchKinds {
		in.Kinds = append(in.Kinds, k.Kind)
		for _, d := range k.docs(site, texts.text) {
			d.Kind = k.ID
			in.Docs = append(in.Docs, d)
		}
	}
	for _, p := range site.Plans {
		in.Plans = append(in.Plans, search.Filter{ID: p.ID, Label: p.ShortTitle})
	}
	return in
}

// Texts keeps the plain text of Markdown texts from one build to the next, by a hash of
// the Markdown: the search index's records need the text of every procedure, petition and
// report, and a build must make them to know whether the index changed (8 s of goldmark
// at 100,000 pages). The preview server keeps one in memory; a build from the command line
// keeps it in the cache file. A text the last build did not ask for is dropped.
type Texts struct{ *cache.Table[string] }

// NewTexts returns an empty store, for Options.Texts.
func NewTexts() *Texts { return &Texts{cache.NewTable[string]()} }

// DecodeTexts reads a store from what its Encode wrote (package cache).
func DecodeTexts(parts [][]byte) *Texts { return &Texts{cache.DecodeTable[string](parts)} }

func (t *Texts) begin() {
	if t != nil {
		t.Begin()
	}
}

func (t *Texts) end() {
	if t != nil {
		t.End()
	}
}

// text is plainText, remembered.
func (t *Texts) text(md string) string {
	if t == nil {
		return plainText(md)
	}
	sum := sha256.Sum256([]byte(md))
	key := hex.EncodeToString(sum[:16])
	if s, ok := t.Get(key); ok {
		return s
	}
	s := plainText(md)
	t.Put(key, s)
	return s
}

func (in *searchInput) files(memo *search.Memo) ([]File, error) {
	opts := search.DefaultOptions
	opts.Memo = memo
	idx, err := search.Build(in.Kinds, in.Plans, in.Docs, opts)
	if err != nil {
		return nil, err
	}
	return indexFiles(idx), nil
}

// hash is the hash of the index's input. What the index holds is hashed, not the content
// files it comes from: a progress report, which no search record quotes, leaves the index
// as it was and is not worth the seconds of building it again. Every field is written
// with its length, by hand: encoding/json took 220 ms of a 10,000-page rebuild.
// TestSearchHashSeesEveryField fails when a field of search.Doc is left out.
func (in *searchInput) hash() uint64 {
	sum := sha256.New()
	var n [8]byte
	str := func(s string) {
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		sum.Write(n[:])
		io.WriteString(sum, s)
	}
	for _, k := range in.Kinds {
		str(k.ID)
		str(k.Label)
		str(strconv.FormatFloat(k.Boost, 'g', -1, 64))
	}
	str(strconv.Itoa(len(in.Plans)))
	for _, p := range in.Plans {
		str(p.ID)
		str(p.Label)
	}
	for i := range in.Docs {
		in.Docs[i].Hash(sum)
	}
	h := newHasher("search")
	h.h.Write(sum.Sum(nil))
	return h.sum()
}

// IsSearchFile reports whether a path of the site is a file of the search index (not the
// search page).
func IsSearchFile(p string) bool {
	return strings.HasPrefix(p, searchDir) && p != searchPath
}

// indexFiles are the index's parts, each named by a hash of its bytes, and the entry that
// names the part list: pages name the entry, so a new index changes the entry, the part
// list and the parts an edit touched, nothing else.
func indexFiles(idx *search.Index) []File {
	files := make([]File, len(idx.Files), len(idx.Files)+1)
	for i, f := range idx.Files {
		files[i] = File{Path: searchDir + f.Path, Data: f.Data, Compact: true}
	}
	entry := "congkhaiSearch.add(\"i\"," + strconv.Quote(idx.Meta) + ");\n"
	return append(files, File{Path: searchEntry, Data: []byte(entry), Compact: true})
}

func planDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, p := range s.Plans {
		d := p.Document
		out = append(out, search.Doc{
			URL: pathOf(p), Title: p.Title, Code: d.Number,
			Context: strings.Join(nonEmpty(p.Kind.Label(), p.Authority.Name, d.DateText), " · "),
			Status:  number(len(p.Tasks)) + " nhiệm vụ", Plan: p.ID, Year: p.Year,
			Body: append([]string{d.Title, plainText(p.Decision), plainText(p.Narrative)}, sectionTitles(p.Sections)...),
		})
	}
	return out
}

func sectionTitles(sections []*model.Section) []string {
	var out []string
	for _, s := range sections {
		out = append(out, s.Title)
		out = append(out, sectionTitles(s.Children)...)
	}
	return out
}

func taskDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, p := range s.Plans {
		for _, t := range p.Tasks {
			// The page links the agencies and quotes the printed text, which often names
			// them otherwise ("Cơ quan thường trực BCĐ CCHC tỉnh" for the Sở Nội vụ): both
			// find the task, the names first so the snippet does not say one thing twice.
			var body, printed []string
			for _, a := range t.Assignments {
				body = append(body, agencyNames(a.Lead), agencyNames(a.Cooperating))
				body = append(body, a.Outputs...)
				printed = append(printed, a.LeadText, a.CooperatingText)
			}
			body = append(body, printed...)
			body = append(body, plainText(t.Notes), t.Section.Title)
			illustrative := false
			if r := t.LatestReport(); r != nil {
				body = append(body, plainText(r.Body))
				illustrative = r.Illustrative
			}
			status := t.Status().Label()
			if note := t.StatusNote(); note != "" {
				status += " · " + note // a rating is dated in results as on pages
			}
			out = append(out, search.Doc{
				URL: pathOf(t), Title: taskName(t), FullTitle: plainText(t.Content),
				Code: p.Document.Number, Context: p.ShortTitle, Status: status,
				Illustrative: illustrative, Plan: p.ID, Year: p.Year, Body: body,
			})
		}
	}
	return out
}

func procedureDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, p := range s.Procedures {
		body := []string{p.Online.Label(), p.Kind, strings.Join(p.Subjects, ", ")}
		for _, a := range p.Agencies {
			body = append(body, a.Name)
		}
		body = append(body, plainText(p.Steps), plainText(p.Conditions), plainText(p.DossierText))
		for _, d := range p.Dossier {
			body = append(body, d.Name)
		}
		for _, r := range p.Results {
			body = append(body, r.Name)
		}
		for _, l := range p.LegalBases {
			body = append(body, l.Number+" "+l.Title)
		}
		context := levelNames(p.Levels)
		if p.Field != nil {
			context = p.Field.Name + " · " + context
		}
		out = append(out, search.Doc{
			URL: pathOf(p), Title: p.Name,
			Code:    strings.Join(nonEmpty(p.Code, p.LocalCode, p.Decision), " "),
			Context: context, Illustrative: p.Illustrative, Body: body,
		})
	}
	return out
}

func fieldDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, f := range s.Fields {
		out = append(out, search.Doc{
			URL: pathOf(f), Title: "Thủ tục lĩnh vực " + f.Name,
			Context: number(len(f.Procedures)) + " thủ tục",
		})
	}
	return out
}

func petitionDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, p := range s.Petitions {
		context := p.Kind.Label() + " · " + agencyNames(p.Agencies)
		body := []string{plainText(p.Question), plainText(p.Answer), p.ProcedureCode}
		if p.Procedure != nil {
			body = append(body, p.Procedure.Name)
		}
		for _, d := range p.Documents {
			body = append(body, d.Number+" "+d.Title)
		}
		out = append(out, search.Doc{
			URL: pathOf(p), Title: p.Subject, Code: p.ID,
			Context: context, Status: p.Status.Label() + " · " + p.Timeliness.Label(),
			Illustrative: p.Illustrative, Year: p.Year(), Body: body,
		})
	}
	return out
}

func periodDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, p := range s.ScorePeriods {
		body := []string{p.Scope, p.Source}
		for _, u := range p.Units {
			body = append(body, u.Name)
		}
		out = append(out, search.Doc{
			URL: pathOf(p), Title: p.Title,
			Code: p.ID, Context: "Chỉ số 766 · " + p.Label(), Illustrative: p.Illustrative, Year: p.Year, Body: body,
		})
	}
	return out
}

func agencyDocs(s *model.Site, plainText func(string) string) []search.Doc {
	var out []search.Doc
	for _, a := range s.Agencies {
		body := append([]string{plainText(a.Description)}, a.Aliases...)
		status := ""
		if n := len(a.Scores); n > 0 {
			u := a.Scores[n-1]
			status = "Chỉ số 766 " + u.Period.ShortLabel() + ": " + decimal(u.Total) + " điểm (" + u.Band.Label() + ")"
			body = append(body, "chỉ số 766")
		}
		out = append(out, search.Doc{
			URL: pathOf(a), Title: a.Name,
			Code: strings.Join(append(a.ShortNames, a.Code), " "), Context: a.Authority.Name,
			Status: status, Body: body,
		})
	}
	return out
}

// agencyNames is the names of agencies.
func agencyNames(agencies []*model.Agency) string {
	names := make([]string, len(agencies))
	for i, a := range agencies {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

func nonEmpty(ss ...string) []string {
	out := ss[:0:0]
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
