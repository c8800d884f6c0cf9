package sitegen

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"congkhai/generator/fold"
	"congkhai/generator/importer"
	"congkhai/generator/tomltext"
)

// procInfo is what petitions and page estimates need of a procedure.
type procInfo struct {
	Code, Name, Field string
	Levels, Subjects  []string
	Online            string
	Time, Fee         string // as a petition quotes them
	Dossier           string
	LegalBases        []legalBasis
	Agencies          []procAgency
	prov              int // the province its agencies belong to; -1 when it names none
}

type legalBasis struct{ Title, Number string }

type procAgency struct {
	Role, Ref string // Ref: registry ID, "" when the name did not resolve
}

// procFile is the part of thu-tuc/<code>.toml that procInfo is made of.
type procFile struct {
	Code     string   `toml:"code"`
	Name     string   `toml:"name"`
	Field    string   `toml:"field"`
	Levels   []string `toml:"levels"`
	Subjects []string `toml:"subjects"`
	Online   string   `toml:"online"`
	Agencies []struct {
		Role string `toml:"role"`
		ID   string `toml:"id"`
	} `toml:"agency"`
	Methods []struct {
		Time string `toml:"time"`
		Fee  string `toml:"fee"`
	} `toml:"method"`
	Dossier []struct {
		Name string `toml:"name"`
	} `toml:"dossier"`
	LegalBases []struct {
		Title  string `toml:"title"`
		Number string `toml:"number"`
	} `toml:"legal_basis"`
}

// readProcedure reads what procInfo needs of a procedure file.
func readProcedure(data []byte) (*procInfo, error) {
	var f procFile
	if _, err := toml.Decode(string(data), &f); err != nil {
		return nil, err
	}
	p := &procInfo{Code: f.Code, Name: f.Name, Field: f.Field, Levels: f.Levels, Subjects: f.Subjects, Online: f.Online, prov: -1}
	p.Time, p.Fee = "theo quy định", "không thu"
	for _, m := range f.Methods {
		if t := strings.TrimSpace(m.Time); t != "" && p.Time == "theo quy định" {
			if _, err := strconv.Atoi(t); err == nil {
				p.Time = t + " ngày làm việc"
			} else if len(t) <= 120 {
				p.Time = lowerFirst(t)
			}
		}
	}
	for _, m := range f.Methods {
		if fee, _, _ := strings.Cut(m.Fee, "("); strings.TrimSpace(fee) != "" && len(strings.TrimSpace(fee)) < 100 {
			fee = strings.TrimSpace(fee)
			p.Fee = lowerFirst(fee)
			break
		}
	}
	var names []string
	for _, d := range f.Dossier {
		n := strings.TrimRight(strings.TrimSpace(strings.TrimPrefix(d.Name, "- ")), ".;")
		if n == "" || len(n) > 110 || strings.ContainsAny(n, "\n*_`[]") {
			continue
		}
		names = append(names, lowerFirst(n))
		if len(names) == 2 {
			break
		}
	}
	p.Dossier = "các giấy tờ đã niêm yết"
	if len(names) > 0 {
		p.Dossier = strings.Join(names, "; ")
	}
	for _, l := range f.LegalBases {
		p.LegalBases = append(p.LegalBases, legalBasis{l.Title, l.Number})
	}
	for _, a := range f.Agencies {
		p.Agencies = append(p.Agencies, procAgency{a.Role, a.ID})
	}
	return p, nil
}

// realProcedure is one procedure the importer wrote: its file and what it holds.
type realProcedure struct {
	data []byte
	info *procInfo
}

// importNational converts the national file with the importer, resolving agency names
// against the registry of the first province, and returns the files it wrote in code order.
func (g *gen) importNational() ([]realProcedure, error) {
	tmp, err := os.MkdirTemp("", "sitegen-import-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	p0 := g.provs[0]
	if err := os.MkdirAll(filepath.Join(tmp, "agencies"), 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(tmp, "agencies", p0.ID+".toml"), p0.registryFile(), 0o644); err != nil {
		return nil, err
	}
	in, err := openNational(g.opts.National)
	if err != nil {
		return nil, err
	}
	defer in.Close()
	if _, err := importer.Procedures(importer.ProcedureImport{Content: tmp, Input: in,
		Name: filepath.Base(g.opts.National), Authority: p0.ID}); err != nil {
		return nil, fmt.Errorf("sitegen: nhập %s: %w", g.opts.National, err)
	}
	entries, err := os.ReadDir(filepath.Join(tmp, "thu-tuc"))
	if err != nil {
		return nil, err
	}
	var out []realProcedure
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(tmp, "thu-tuc", e.Name()))
		if err != nil {
			return nil, err
		}
		info, err := readProcedure(data)
		if err != nil {
			return nil, fmt.Errorf("sitegen: %s: %w", e.Name(), err)
		}
		out = append(out, realProcedure{data, info})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("sitegen: %s: không có thủ tục nào", g.opts.National)
	}
	return out, sameSpelling(out)
}

// sameSpelling spells alike the fields the national file spells two ways that name one
// page ("Thi đua khen thưởng", "Thi đua – Khen thưởng"), which check refuses: the most
// frequent spelling, the first in code order between equals.
func sameSpelling(procs []realProcedure) error {
	count := map[string]int{}
	best := map[string]string{} // slug -> spelling
	for _, p := range procs {
		count[p.info.Field]++
	}
	for _, p := range procs {
		slug, f := fold.Slug(p.info.Field), p.info.Field
		if b, ok := best[slug]; !ok || count[f] > count[b] {
			best[slug] = f
		}
	}
	for i, p := range procs {
		if want := best[fold.Slug(p.info.Field)]; want != p.info.Field {
			to := *p.info
			to.Field = want
			data, err := rewriteField(p.data, p.info, want)
			if err != nil {
				return err
			}
			procs[i] = realProcedure{data, &to}
		}
	}
	return nil
}

// procedures writes n procedures: a random share of the real ones, or all of them and
// copies with other codes. Procedure i names the agencies of province i mod the provinces.
func (g *gen) procedures(n int) error {
	real, err := g.importNational()
	if err != nil {
		return err
	}
	var chosen []realProcedure
	if n <= len(real) {
		for _, i := range g.rng.Perm(len(real))[:n] {
			chosen = append(chosen, real[i])
		}
		slices.SortFunc(chosen, func(a, b realProcedure) int { return strings.Compare(a.info.Code, b.info.Code) })
	} else {
		chosen = real
	}
	used := map[string]bool{}
	fields := map[string]bool{}
	for _, r := range real {
		used[r.info.Code] = true
		fields[r.info.Field] = true
	}
	fieldList := sortedKeys(fields)
	p0 := g.provs[0].ID
	emit := func(i int, data []byte, info *procInfo) {
		prov := g.provs[i%len(g.provs)]
		info.prov = i % len(g.provs)
		if prov.ID != p0 {
			data = bytes.ReplaceAll(data, []byte(`id = "`+p0+`/`), []byte(`id = "`+prov.ID+`/`))
			agencies := slices.Clone(info.Agencies)
			for k, a := range agencies {
				if rest, ok := strings.CutPrefix(a.Ref, p0+"/"); ok {
					agencies[k].Ref = prov.ID + "/" + rest
				}
			}
			info.Agencies = agencies
		}
		g.add("thu-tuc/"+info.Code+".toml", data)
		g.procs = append(g.procs, info)
	}
	for i, r := range chosen {
		info := *r.info
		emit(i, r.data, &info)
	}
	for j := range n - len(chosen) {
		src := real[j%len(real)]
		variant := j/len(real) + 1
		code := newCode(src.info.Code, variant, used)
		info := *src.info
		info.Code = code
		if g.rng.IntN(10) < 3 {
			info.Field = pick(g.rng, fieldList)
		}
		data, err := copyProcedure(src.data, src.info, &info)
		if err != nil {
			return err
		}
		emit(len(chosen)+j, data, &info)
		g.stats.Copies++
	}
	g.stats.Procedures = len(g.procs)
	g.estimate.procedures(g.procs)
	return nil
}

// newCode is a national-format code (d.dddddd) not used yet, made from code for its variant.
func newCode(code string, variant int, used map[string]bool) string {
	first, digits, _ := strings.Cut(code, ".")
	n, _ := strconv.Atoi(digits)
	f, _ := strconv.Atoi(first)
	d := (f+2+variant)%9 + 1 // the real codes start with 1, 2 and 3
	for {
		c := fmt.Sprintf("%d.%06d", d, n)
		if !used[c] {
			used[c] = true
			return c
		}
		n = (n + 7919) % 1_000_000
	}
}

// copyProcedure rewrites a procedure file as the copy to: its code, its field, and marked
// illustrative (its code is not real).
func copyProcedure(data []byte, from, to *procInfo) ([]byte, error) {
	var line bytes.Buffer
	line.WriteString("code = ")
	tomltext.Basic(&line, from.Code)
	oldCode := line.String()
	line.Reset()
	line.WriteString("code = ")
	tomltext.Basic(&line, to.Code)
	line.WriteString("\nillustrative = true")
	if !bytes.Contains(data, []byte("\n"+oldCode+"\n")) {
		return nil, fmt.Errorf("sitegen: thu-tuc/%s.toml: không thấy dòng %s", from.Code, oldCode)
	}
	data = bytes.Replace(data, []byte("\n"+oldCode+"\n"), []byte("\n"+line.String()+"\n"), 1)
	if to.Field != from.Field {
		return rewriteField(data, from, to.Field)
	}
	return data, nil
}

// rewriteField changes the field of a procedure file.
func rewriteField(data []byte, from *procInfo, field string) ([]byte, error) {
	var o, n bytes.Buffer
	o.WriteByte('\n')
	tomltext.String(&o, "field", from.Field)
	n.WriteByte('\n')
	tomltext.String(&n, "field", field)
	if !bytes.Contains(data, o.Bytes()) {
		return nil, fmt.Errorf("sitegen: thu-tuc/%s.toml: không thấy dòng %s", from.Code, strings.TrimSpace(o.String()))
	}
	return bytes.Replace(data, o.Bytes(), n.Bytes(), 1), nil
}
