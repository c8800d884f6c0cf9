package sitegen

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"congkhai/generator/content"
	"congkhai/generator/schedule"
	"congkhai/generator/tomltext"
	"congkhai/generator/vocab"
)

// seeds is a copy of the five plans of content/plans (the seed plans, real documents), so
// that generated sites do not change when the example is edited.
//
//go:embed seeds
var seeds embed.FS

type seedPlan struct {
	ID         string                 `toml:"-"`
	Authority  string                 `toml:"authority"`
	Kind       string                 `toml:"kind"`
	Year       int                    `toml:"year"`
	Title      string                 `toml:"title"`
	ShortTitle string                 `toml:"short_title"`
	Document   content.Document       `toml:"document"`
	Sections   []content.SectionRec   `toml:"section"`
	Tasks      []content.TaskRec      `toml:"task"`
	Indicators []content.IndicatorRec `toml:"indicator"`
	decision   string
	narrative  string
}

// seedPlaces are the places each seed names, longest first, to be replaced by the province.
var seedPlaces = map[string][]string{
	"vinh-long":      {"Vĩnh Long"},
	"an-giang":       {"An Giang"},
	"thua-thien-hue": {"Thừa Thiên Huế"},
	"vinh-linh":      {"Vĩnh Linh", "Quảng Trị"},
}

func loadSeeds() (map[string]*seedPlan, error) {
	out := map[string]*seedPlan{}
	dirs, err := fs.ReadDir(seeds, "seeds")
	if err != nil {
		return nil, err
	}
	for _, d := range dirs {
		p := &seedPlan{ID: d.Name()}
		data, err := fs.ReadFile(seeds, path.Join("seeds", d.Name(), "plan.toml"))
		if err != nil {
			return nil, err
		}
		if _, err := toml.Decode(string(data), p); err != nil {
			return nil, fmt.Errorf("sitegen: seeds/%s/plan.toml: %w", d.Name(), err)
		}
		if b, err := fs.ReadFile(seeds, path.Join("seeds", d.Name(), "decision.md")); err == nil {
			p.decision = string(b)
		}
		if b, err := fs.ReadFile(seeds, path.Join("seeds", d.Name(), "narrative.md")); err == nil {
			p.narrative = string(b)
		}
		out[p.ID] = p
	}
	return out, nil
}

// The seeds used for each kind of plan: the four kiểm soát TTHC plans take turns.
var (
	controlSeeds = []string{"vinh-long-2024-kiem-soat-tthc", "an-giang-2025-kiem-soat-tthc", "thua-thien-hue-2022-kiem-soat-tthc", "vinh-linh-2024-kiem-soat-tthc"}
	reformSeeds  = []string{"vinh-long-2024-cai-cach-hanh-chinh"}
)

// agencyMap turns the seeds' agency IDs, of their own registries, into the generated
// registries' IDs; an ID not listed is kept (every province has it).
var agencyMap = map[string]string{
	"cbccvc-mot-cua": "trung-tam-pvhcc", "bo-phan-mot-cua": "trung-tam-pvhcc",
	"co-quan-nganh-doc": "co-quan-lien-quan", "theo-van-ban-phan-cong": "co-quan-lien-quan",
	"to-chuc-ca-nhan-chuyen-gia": "co-quan-lien-quan", "to-chuc-uy-quyen-dvc": "co-quan-lien-quan",
	"co-quan-tw-tinh-tren-dia-ban": "co-quan-lien-quan", "bchqs-tinh": "co-quan-lien-quan",
	"nhcsxh-tinh": "co-quan-lien-quan", "cong-tham-van-qdkd": "van-phong-chinh-phu",
	"dai-truyen-thanh-dia-phuong": "co-quan-bao-chi", "bo-phan-mot-cua-cap-xa": "ubnd-cap-xa",
	"trung-tam-hcc-cap-huyen": "vp-ubnd-cap-huyen", "co-quan-chuyen-mon-huyen": "cac-so-ban-nganh",
	"phong-noi-vu": "so-noi-vu", "trung-tam-vhtt-tdtt": "so-vhttdl", "vp-hdnd-ubnd": "vp-ubnd",
}

// planMaker moves one seed plan to a province and a year.
type planMaker struct {
	seed     *seedPlan
	prov     *province
	year     int
	date     schedule.Date // the decision's date
	places   *strings.Replacer
	mapped   bool // an agency was replaced by its successor in the last agencies call
	rng      *rand.Rand
	sections []content.SectionRec
}

func newPlanMaker(seed *seedPlan, prov *province, year int, rng *rand.Rand) *planMaker {
	m := &planMaker{seed: seed, prov: prov, year: year, rng: rng}
	var pairs []string
	for _, place := range seedPlaces[seed.Authority] {
		for _, w := range []string{"tỉnh ", "huyện ", "Tỉnh ", "Huyện "} {
			pairs = append(pairs, w+place, upperFirstIf(w, prov.Title()))
			pairs = append(pairs, strings.ToUpper(w+place), strings.ToUpper(prov.Title()))
		}
		pairs = append(pairs, place, prov.Name, strings.ToUpper(place), strings.ToUpper(prov.Name))
	}
	m.places = strings.NewReplacer(pairs...)
	// Decisions approving a year's plan are signed in the last weeks of the year before or
	// the first weeks of the year.
	if rng.IntN(3) == 0 {
		m.date = schedule.D(year, 1, 5+rng.IntN(20))
	} else {
		m.date = schedule.D(year-1, 12, 10+rng.IntN(20))
	}
	return m
}

func upperFirstIf(w, s string) string {
	if w[0] >= 'A' && w[0] <= 'Z' || strings.HasPrefix(w, "Đ") {
		return upperFirst(s)
	}
	return s
}

var number = regexp.MustCompile(`\d+`)

// text moves a seed's text: its places become the province, and the years near the seed's
// become the same years near the plan's; a year followed by "/" (a document number,
// "61/2018/NĐ-CP") and years further away (laws, decrees) are left as they are.
func (m *planMaker) text(s string) string {
	s = m.places.Replace(s)
	delta := m.year - m.seed.Year
	if delta == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, loc := range number.FindAllStringIndex(s, -1) {
		tok := s[loc[0]:loc[1]]
		y, _ := strconv.Atoi(tok)
		if len(tok) != 4 || y < m.seed.Year-1 || y > m.seed.Year+1 || loc[1] < len(s) && s[loc[1]] == '/' {
			continue
		}
		b.WriteString(s[last:loc[0]])
		b.WriteString(strconv.Itoa(y + delta))
		last = loc[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

func (m *planMaker) texts(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = m.text(s)
	}
	return out
}

// agencies maps seed IDs to the province's registry as it stood on the decision's date.
func (m *planMaker) agencies(ids []string) []string {
	var out []string
	m.mapped = false
	for _, id := range ids {
		if to, ok := agencyMap[id]; ok {
			id = to
		}
		a := m.prov.byID[id]
		if a == nil {
			id, a = "co-quan-lien-quan", m.prov.byID["co-quan-lien-quan"]
		}
		for a.Successor != "" && !m.date.Before(a.SuccessorDate) {
			id, a = a.Successor, m.prov.byID[a.Successor]
			m.mapped = true
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// agencyText is the printed text of a cell: the seed's, unless an agency it names had
// been merged by the plan's date, then the short names of what they became.
func (m *planMaker) agencyText(ids []string, text string) string {
	if !m.mapped || text == "" {
		return m.text(text)
	}
	var names []string
	for _, id := range ids {
		names = append(names, m.prov.byID[id].ShortName())
	}
	return strings.Join(names, "; ")
}

// genPlan is one generated plan, for its files and its progress reports.
type genPlan struct {
	id    string
	prov  *province
	year  int
	date  schedule.Date
	tasks []genTask
}

type genTask struct {
	id, content string
	lead        []string
	outputs     []string
	deadline    string
}

func (g *gen) plans() error {
	all, err := loadSeeds()
	if err != nil {
		return err
	}
	for pi, prov := range g.provs {
		for _, year := range g.years {
			for _, seedID := range []string{controlSeeds[(pi+year)%len(controlSeeds)], reformSeeds[(pi+year)%len(reformSeeds)]} {
				seed := all[seedID]
				if seed == nil {
					return fmt.Errorf("sitegen: không có kế hoạch mẫu %s", seedID)
				}
				p := g.plan(newPlanMaker(seed, prov, year, g.rng))
				g.reports(p)
			}
		}
	}
	return nil
}

// plan writes plans/<id>/ of one moved seed and returns it.
func (g *gen) plan(m *planMaker) *genPlan {
	s := m.seed
	p := &genPlan{id: fmt.Sprintf("%s-%d-%s", m.prov.ID, m.year, s.Kind), prov: m.prov, year: m.year, date: m.date}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Kế hoạch SINH TỰ ĐỘNG (congkhai sitegen) từ kế hoạch mẫu %s, đổi sang %s năm %d.\n", s.ID, m.prov.Title(), m.year)
	tomltext.String(&b, "authority", m.prov.ID)
	tomltext.String(&b, "kind", s.Kind)
	fmt.Fprintf(&b, "year = %d\n", m.year)
	tomltext.String(&b, "title", m.text(s.Title))
	tomltext.String(&b, "short_title", m.text(s.ShortTitle))
	tomltext.String(&b, "source", "Sinh tự động từ kế hoạch mẫu "+s.ID+" (congkhai sitegen); không phải văn bản thật.")
	b.WriteString("\n[document]\n")
	tomltext.String(&b, "type", s.Document.Type.Key())
	numberFormat := "%d/QĐ-UBND"
	if s.Document.Type == vocab.DocPlan {
		numberFormat = "%d/KH-UBND"
	}
	tomltext.String(&b, "number", fmt.Sprintf(numberFormat, 100+m.rng.IntN(3400)))
	fmt.Fprintf(&b, "date = %s\n", m.date)
	tomltext.String(&b, "place", m.prov.Name)
	tomltext.String(&b, "title", m.text(s.Document.Title))
	tomltext.String(&b, "issuer", m.text(s.Document.Issuer))
	tomltext.String(&b, "signer", pick(m.rng, familyNames)+" "+pick(m.rng, middleNames)+" "+pick(m.rng, givenNames))
	tomltext.String(&b, "signer_title", s.Document.SignerTitle)
	tomltext.Lines(&b, "legal_bases", m.texts(s.Document.LegalBases))
	tomltext.String(&b, "proposal", m.text(s.Document.Proposal))
	tomltext.Lines(&b, "recipients", m.texts(s.Document.Recipients))
	for _, sec := range s.Sections {
		b.WriteString("\n[[section]]\n")
		tomltext.String(&b, "id", sec.ID)
		tomltext.String(&b, "number", sec.Number)
		tomltext.String(&b, "title", m.text(sec.Title))
		tomltext.String(&b, "parent", sec.Parent)
	}
	ids := map[string]bool{}
	for i, t := range s.Tasks {
		// About 85 % of the seed's tasks, the first always.
		if i > 0 && m.rng.IntN(100) >= 85 {
			continue
		}
		id := m.text(t.ID)
		if ids[id] || len(id) > 40 {
			id = t.ID
		}
		ids[id] = true
		b.WriteString("\n[[task]]\n")
		tomltext.String(&b, "id", id)
		tomltext.String(&b, "section", t.Section)
		tomltext.String(&b, "stt", t.STT)
		tomltext.String(&b, "stt2", t.STT2)
		tomltext.String(&b, "content", m.text(t.Content))
		gt := genTask{id: id, content: m.text(t.Content)}
		first := t.Assignment
		if len(t.Assignments) > 0 {
			first = t.Assignments[0]
		} else {
			g.assignment(&b, m, t.Assignment)
		}
		tomltext.String(&b, "notes", m.text(t.Notes))
		for _, a := range t.Assignments {
			b.WriteString("[[task.assignment]]\n")
			g.assignment(&b, m, a)
		}
		gt.lead = m.agencies(first.Lead)
		gt.outputs = m.texts(first.Outputs)
		gt.deadline = m.text(cmpOr(first.DeadlineReadAs, first.Deadline))
		p.tasks = append(p.tasks, gt)
	}
	for _, ind := range s.Indicators {
		b.WriteString("\n[[indicator]]\n")
		tomltext.String(&b, "id", ind.ID)
		tomltext.String(&b, "section", ind.Section)
		tomltext.String(&b, "stt", ind.STT)
		tomltext.String(&b, "name", m.text(ind.Name))
		tomltext.String(&b, "unit", ind.Unit)
		tomltext.String(&b, "target", ind.Target)
		g.responsible(&b, m, ind.Responsible)
		ev := m.agencies(ind.Evaluating)
		tomltext.List(&b, "evaluating", ev)
		tomltext.String(&b, "evaluating_text", m.agencyText(ev, ind.EvaluatingText))
		tomltext.String(&b, "notes", m.text(ind.Notes))
	}
	g.add("plans/"+p.id+"/plan.toml", b.Bytes())
	if s.decision != "" {
		g.add("plans/"+p.id+"/decision.md", []byte(m.text(s.decision)))
	}
	if s.narrative != "" {
		g.add("plans/"+p.id+"/narrative.md", []byte(m.text(s.narrative)))
	}
	g.stats.Plans++
	g.stats.Tasks += len(p.tasks)
	g.estimate.plans++
	g.estimate.tasks += len(p.tasks)
	return p
}

// assignment writes the agency cells, outputs and deadline of a task or of one of its
// assignments.
func (g *gen) assignment(b *bytes.Buffer, m *planMaker, a content.Assignment) {
	g.responsible(b, m, a.Responsible)
	tomltext.Lines(b, "outputs", m.texts(a.Outputs))
	tomltext.String(b, "deadline", m.text(a.Deadline))
	tomltext.String(b, "deadline_read_as", m.text(a.DeadlineReadAs))
}

func (g *gen) responsible(b *bytes.Buffer, m *planMaker, r content.Responsible) {
	lead := m.agencies(r.Lead)
	tomltext.List(b, "lead", lead)
	tomltext.String(b, "lead_text", m.agencyText(lead, r.LeadText))
	coop := m.agencies(r.Cooperating)
	tomltext.List(b, "cooperating", coop)
	tomltext.String(b, "cooperating_text", m.agencyText(coop, r.CooperatingText))
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
