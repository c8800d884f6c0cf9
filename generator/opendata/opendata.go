// Package opendata turns the site's registers into datasets anyone can download: each a table
// of named, described fields, written as CSV (UTF-8 with a byte order mark, so that Excel
// reads Vietnamese right, and with cells neutralised against formula injection) and as
// JSON, with a catalogue of them all in the DCAT-US (Project Open Data 1.1) schema.
//
// A dataset holds what the pages show, no more: petitions as masked, plain text for
// Markdown, the status of each task on the as-of day.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strconv"
	"strings"

	"congkhai/generator/model"
	"congkhai/generator/schedule"
)

// Type is the kind of a field's values.
type Type string

const (
	Text   Type = "chuỗi"
	Number Type = "số"
	Date   Type = "ngày"     // ISO 8601, 2024-03-05
	Bool   Type = "đúng/sai" // true or false
	URL    Type = "địa chỉ"  // the page's path from the site root, or an absolute address
)

// Field is a column of a dataset.
type Field struct {
	Name        string // in the CSV header and the JSON keys: ascii, snake_case
	Type        Type
	Description string // in Vietnamese, for the "Dữ liệu mở" page
}

// Dataset is one downloadable table.
type Dataset struct {
	ID          string // the file name without extension: "nhiem-vu"
	Title       string
	Description string
	Keywords    []string
	Fields      []Field
	Rows        []Row
	Modified    schedule.Date // the latest date its records carry; zero when none
}

// Row is one record: a value per field, "" for none. Pages are the records' pages, for the
// per-record JSON beside them.
type Row struct {
	Values []string
	Page   any // the model value whose page shows the record
}

// Links gives the path, from the site root, of a record's page.
type Links func(v any) string

func (d *Dataset) add(page any, values ...string) {
	if len(values) != len(d.Fields) {
		panic("opendata: " + d.ID + ": " + strconv.Itoa(len(values)) + " values for " + strconv.Itoa(len(d.Fields)) + " fields")
	}
	d.Rows = append(d.Rows, Row{Values: values, Page: page})
}

func (d *Dataset) dated(ds ...schedule.Date) {
	for _, x := range ds {
		if x.After(d.Modified) {
			d.Modified = x
		}
	}
}

// CSV writes the dataset as CSV: a byte order mark, a header of field names, a line per
// record. A cell that a spreadsheet would read as a formula (beginning with =, +, -, @, a
// tab or a carriage return) is written with a leading apostrophe, which Excel and Calc
// show as text; numbers and dates, which never begin so save a minus sign, are left alone.
func (d *Dataset) CSV() []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	header := make([]string, len(d.Fields))
	for i, f := range d.Fields {
		header[i] = f.Name
	}
	w.Write(header)
	cells := make([]string, len(d.Fields))
	for _, r := range d.Rows {
		for i, v := range r.Values {
			cells[i] = v
			if d.Fields[i].Type == Text || d.Fields[i].Type == URL {
				cells[i] = Neutralise(v)
			}
		}
		w.Write(cells)
	}
	w.Flush()
	return b.Bytes()
}

// Neutralise makes a text cell safe to open in a spreadsheet: one that begins with =, +,
// -, @, a tab or a carriage return gets a leading apostrophe.
func Neutralise(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}

// Record is a row as a JSON object, its values typed: numbers as numbers, true/false as
// booleans, "" as null.
func (d *Dataset) Record(r Row) map[string]any {
	m := make(map[string]any, len(d.Fields))
	for i, f := range d.Fields {
		v := r.Values[i]
		switch {
		case v == "":
			m[f.Name] = nil
		case f.Type == Number:
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				m[f.Name] = n
			} else {
				m[f.Name] = v
			}
		case f.Type == Bool:
			m[f.Name] = v == "true"
		default:
			m[f.Name] = v
		}
	}
	return m
}

// JSON writes the dataset as JSON: its title, fields and records.
func (d *Dataset) JSON() []byte {
	recs := make([]map[string]any, len(d.Rows))
	for i, r := range d.Rows {
		recs[i] = d.Record(r)
	}
	return marshal(struct {
		ID          string           `json:"id"`
		Title       string           `json:"title"`
		Description string           `json:"description"`
		Modified    string           `json:"modified,omitempty"`
		Fields      []Field          `json:"fields"`
		Records     []map[string]any `json:"records"`
	}{d.ID, d.Title, d.Description, d.Modified.String(), d.Fields, recs})
}

func (f Field) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name        string `json:"name"`
		Type        string `json:"type"`
		Description string `json:"description"`
	}{f.Name, string(f.Type), f.Description})
}

// marshal is json.Marshal, indented, without escaping < > & (the files are not HTML), with
// a final newline. Map keys come out sorted, so the same value gives the same bytes.
func marshal(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		panic("opendata: " + err.Error())
	}
	return b.Bytes()
}

func num(n int) string { return strconv.Itoa(n) }

func date(d schedule.Date) string { return d.String() }

func boolean(b bool) string { return strconv.FormatBool(b) }

func keys(as []*model.Agency) string {
	k := make([]string, len(as))
	for i, a := range as {
		k[i] = a.Key
	}
	return strings.Join(k, "; ")
}
