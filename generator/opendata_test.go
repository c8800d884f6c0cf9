package generator_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
	"testing"

	"congkhai/generator/opendata"
)

// Every dataset of the example downloads as CSV and JSON that read back to the same
// records, one per record of the model, with the catalogue listing them all; every record
// page has its JSON beside it.
func TestOpenDataReadsBack(t *testing.T) {
	files := builtFiles(t)
	site := exampleModel(t)
	var cat struct {
		ConformsTo string `json:"conformsTo"`
		Dataset    []struct {
			Identifier, Title, Description, Modified, AccessLevel string
			Keyword                                               []string
			Publisher                                             struct{ Name string }
			Distribution                                          []struct{ DownloadURL, MediaType, Format string }
		} `json:"dataset"`
	}
	if err := json.Unmarshal(files["data.json"], &cat); err != nil {
		t.Fatalf("data.json: %v", err)
	}
	if cat.ConformsTo != "https://project-open-data.cio.gov/v1.1/schema" {
		t.Errorf("conformsTo %q", cat.ConformsTo)
	}
	// How many records each dataset must hold: one per record of the model.
	parts := 0
	for _, p := range site.Plans {
		for _, task := range p.Tasks {
			parts += len(task.Assignments)
		}
	}
	units := 0
	for _, p := range site.ScorePeriods {
		units += len(p.Units)
	}
	want := map[string]int{"ke-hoach": len(site.Plans), "nhiem-vu": parts, "bao-cao-tien-do": len(site.Reports),
		"co-quan": len(site.Agencies), "thu-tuc": len(site.Procedures), "phan-anh-kien-nghi": len(site.Petitions), "chi-so-766": units}
	if len(cat.Dataset) != len(want) {
		t.Errorf("%d datasets in the catalogue, want %d", len(cat.Dataset), len(want))
	}
	for _, d := range cat.Dataset {
		id := strings.TrimSuffix(path.Base(d.Identifier), ".json")
		if _, err := fmt.Sscanf(d.Modified, "%4d-", new(int)); err != nil || d.Title == "" || d.Description == "" || d.AccessLevel != "public" ||
			d.Publisher.Name != site.Publisher || len(d.Keyword) == 0 || len(d.Distribution) != 2 {
			t.Errorf("%s: catalogue entry %+v", id, d)
		}
		var js struct {
			Fields []struct{ Name, Type, Description string }
			Rec    []map[string]any `json:"records"`
		}
		if err := json.Unmarshal(files[opendata.Dir+id+".json"], &js); err != nil {
			t.Errorf("%s.json: %v", id, err)
			continue
		}
		raw := files[opendata.Dir+id+".csv"]
		if !bytes.HasPrefix(raw, []byte("\uFEFF")) {
			t.Errorf("%s.csv has no byte order mark", id)
		}
		rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(raw, []byte("\uFEFF")))).ReadAll()
		if err != nil || len(rows) == 0 {
			t.Errorf("%s.csv: %v", id, err)
			continue
		}
		if len(rows)-1 != len(js.Rec) || len(js.Rec) != want[id] {
			t.Errorf("%s: %d CSV rows, %d JSON records, %d in the model", id, len(rows)-1, len(js.Rec), want[id])
			continue
		}
		for i, f := range js.Fields {
			if rows[0][i] != f.Name || f.Description == "" {
				t.Errorf("%s: column %d is %q, field %+v", id, i, rows[0][i], f)
			}
		}
		for r, rec := range js.Rec {
			for i, f := range js.Fields {
				if got, want := rows[r+1][i], csvCell(rec[f.Name], f.Type); got != want {
					t.Errorf("%s row %d %s: CSV %q, JSON %q", id, r+1, f.Name, got, want)
				}
			}
		}
	}
	// The tasks, field by field where the model says it in one value.
	var tasks struct {
		Rec []map[string]any `json:"records"`
	}
	json.Unmarshal(files[opendata.Dir+"nhiem-vu.json"], &tasks)
	i := 0
	for _, p := range site.Plans {
		for _, task := range p.Tasks {
			for _, a := range task.Assignments {
				r := tasks.Rec[i]
				i++
				if r["ke_hoach"] != p.ID || r["id"] != task.ID || r["trang_thai_ma"] != task.Status().Key() ||
					str(r["thoi_han"]) != a.DeadlinePrinted || str(r["chu_tri"]) != a.LeadText {
					t.Errorf("task %s/%s: %v", p.ID, task.ID, r)
				}
			}
			page := "ke-hoach/" + p.ID + "/" + task.ID + "/index.json"
			var rec map[string][]map[string]any
			if err := json.Unmarshal(files[page], &rec); err != nil || len(rec["nhiem-vu"]) != len(task.Assignments) || len(rec["bao-cao-tien-do"]) != len(task.Reports) {
				t.Errorf("%s: %v, %d parts, %d reports", page, err, len(rec["nhiem-vu"]), len(rec["bao-cao-tien-do"]))
			}
		}
	}
	for _, pt := range site.Petitions {
		if _, ok := files["pakn/"+pt.ID+"/index.json"]; !ok {
			t.Errorf("no JSON beside petition %s", pt.ID)
		}
	}
}

// csvCell is how a JSON value is written in the CSV: numbers as the shortest decimal, null
// as empty, text that a spreadsheet would take for a formula behind an apostrophe.
func csvCell(v any, typ string) string {
	switch v := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	case string:
		if typ == string(opendata.Text) || typ == string(opendata.URL) {
			return opendata.Neutralise(v)
		}
		return v
	}
	return fmt.Sprint(v)
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestNeutralise(t *testing.T) {
	for in, want := range map[string]string{"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+84 912": "'+84 912", "-1": "'-1",
		"@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "Sở Tư pháp": "Sở Tư pháp", "": ""} {
		if got := opendata.Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}
