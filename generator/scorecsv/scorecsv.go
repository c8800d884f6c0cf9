// Package scorecsv reads the results of the 766 index as the national portal publishes them
// in CSV (one row per unit: code, name, total, the six group scores, rank) into a content
// results file, and writes that file as TOML. Every problem is reported with its line and
// column, all at once.
package scorecsv

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"congkhai/generator/content"
	"congkhai/generator/diag"
	"congkhai/generator/tomltext"
	"congkhai/generator/vocab"
)

// Resolver finds the registry agency ("authority/id") of a unit by its code or its name; it
// returns a message saying why when it cannot.
type Resolver func(code, name string) (ref string, problem string)

// columns maps the accepted header names (lower case) to the field they fill.
var columns = map[string]string{
	"ma_don_vi": "code", "ma": "code", "code": "code",
	"ten_don_vi": "name", "ten": "name", "name": "name",
	"tong_diem": "total", "tong": "total", "total": "total",
	"ckmb": "ckmb", "tdgq": "tdgq", "clgq": "clgq", "tttt": "tttt", "mdhl": "mdhl", "mdsh": "mdsh",
	"xep_hang": "rank", "hang": "rank", "rank": "rank",
}

var required = []string{"code", "name", "total", "ckmb", "tdgq", "clgq", "tttt", "mdhl", "mdsh"}

// Read reads a CSV file named file (for positions) into the units of a results file; the
// caller fills the period, title and source. It returns every problem as a diag.List.
func Read(r io.Reader, file string, resolve Resolver) ([]content.UnitRec, error) {
	var errs diag.List
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	if err := diag.CheckUTF8(file, data); err != nil {
		return nil, err // Excel on Vietnamese Windows may save in Windows-1258
	}
	lines := strings.Split(string(data), "\n")
	// charCol turns csv's byte column into the character column an editor shows.
	charCol := func(line, col int) int {
		if line < 1 || line > len(lines) || col < 1 {
			return col
		}
		text := lines[line-1]
		return utf8.RuneCountInString(text[:min(col-1, len(text))]) + 1
	}
	cr := csv.NewReader(bytes.NewReader(data))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "không đọc được dòng tiêu đề: %v", err)
		return nil, errs.Err()
	}
	col := map[string]int{}
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if f, ok := columns[h]; ok {
			col[f] = i
		}
	}
	for _, f := range required {
		if _, ok := col[f]; !ok {
			errs.Add(diag.Pos{File: file, Line: 1, Col: 1}, "thiếu cột %s (các cột nhận được: ma_don_vi, ten_don_vi, tong_diem, CKMB, TDGQ, CLGQ, TTTT, MDSH, MDHL, xep_hang)", f)
		}
	}
	if len(errs) > 0 {
		return nil, errs.Err()
	}
	var units []content.UnitRec
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				errs.Add(diag.Pos{File: file, Line: pe.Line, Col: charCol(pe.Line, pe.Column)}, "CSV: %v", pe.Err)
				continue
			}
			errs.Add(diag.Pos{File: file, Line: line}, "CSV: %v", err)
			break
		}
		pos := func(field string) diag.Pos {
			i := col[field]
			l, c := cr.FieldPos(i)
			return diag.Pos{File: file, Line: l, Col: charCol(l, c)}
		}
		get := func(field string) string {
			if i, ok := col[field]; ok && i < len(rec) {
				return strings.TrimSpace(norm.NFC.String(rec[i]))
			}
			return ""
		}
		if len(rec) < len(header) {
			errs.Add(diag.Pos{File: file, Line: line, Col: 1}, "dòng có %d cột, tiêu đề có %d", len(rec), len(header))
			continue
		}
		u := content.UnitRec{Name: get("name")}
		numbers := true
		num := func(field string, dst *float64) {
			v, err := strconv.ParseFloat(strings.Replace(get(field), ",", ".", 1), 64)
			if err != nil {
				errs.Add(pos(field), "%s: %q không phải số", field, get(field))
				numbers = false
				return
			}
			*dst = v
		}
		num("total", &u.Total)
		for _, g := range []struct {
			f   string
			dst *float64
		}{{"ckmb", &u.CKMB}, {"tdgq", &u.TDGQ}, {"clgq", &u.CLGQ}, {"tttt", &u.TTTT}, {"mdhl", &u.MDHL}, {"mdsh", &u.MDSH}} {
			num(g.f, g.dst)
		}
		if _, ok := col["rank"]; ok && get("rank") != "" {
			n, err := strconv.Atoi(get("rank"))
			if err != nil || n < 1 {
				errs.Add(pos("rank"), "xep_hang: %q không phải thứ hạng", get("rank"))
			} else {
				u.Rank = n
			}
		}
		for _, p := range u.Problems() {
			if numbers || p.Key == "rank" {
				errs.Add(pos(p.Key), "%s", p.Msg)
			}
		}
		code := get("code")
		ref, problem := resolve(code, u.Name)
		if problem != "" {
			errs.Add(pos("code"), "%s", problem)
		}
		if j, dup := seen[ref]; dup && ref != "" {
			errs.Add(pos("code"), "đơn vị %s đã có ở dòng %d", ref, j)
		}
		seen[ref] = line
		u.Agency = ref
		units = append(units, u)
	}
	return units, errs.Err()
}

// Encode writes a results file as TOML, units in the order given.
func Encode(w io.Writer, f *content.ResultsFile, comment string) error {
	var b bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(comment), "\n") {
		if line != "" {
			fmt.Fprintf(&b, "# %s\n", line)
		}
	}
	str := func(key, v string) { tomltext.String(&b, key, v) }
	str("period", f.Period)
	if !f.Through.IsZero() {
		fmt.Fprintf(&b, "through = %s\n", f.Through.Format("2006-01-02"))
	}
	str("title", f.Title)
	str("scope", f.Scope)
	str("source", f.Source)
	if f.Illustrative {
		b.WriteString("illustrative = true\n")
	}
	for _, u := range f.Units {
		b.WriteString("\n[[unit]]\n")
		str("agency", u.Agency)
		str("name", u.Name)
		for g, v := range u.Scores() {
			fmt.Fprintf(&b, "%s = %s\n", vocab.ScoreGroup(g).Key(), strconv.FormatFloat(v, 'f', -1, 64))
		}
		fmt.Fprintf(&b, "total = %s\n", strconv.FormatFloat(u.Total, 'f', -1, 64))
		if u.Rank > 0 {
			fmt.Fprintf(&b, "rank = %d\n", u.Rank)
		}
	}
	_, err := b.WriteTo(w)
	return err
}
