package content

import (
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"congkhai/generator/vocab"
)

func TestScanKeys(t *testing.T) {
	src := `# chú thích
authority = "vinh-long"
year = 2024
note = """nhiều
dòng = "không phải khóa"
"""

[document]
number = "2974/QĐ-UBND"
legal_bases = [
  "Căn cứ [a] = b",
  'Căn cứ "c"',
]

[[task]]
id = "a"
lead = ["vp-ubnd", "so-tu-phap"]

[[task]]
id = "b"
  [[task.assignment]]
  lead = ["x"]
  [[task.assignment]]
  deadline = "Quý I"
inline = { a = 1, b = [2, 3] }
`
	want := map[string]position{
		"authority":                    {2, 1},
		"year":                         {3, 1},
		"note":                         {4, 1},
		"document":                     {8, 1},
		"document.number":              {9, 1},
		"document.legal_bases.0":       {11, 3},
		"document.legal_bases.1":       {12, 3},
		"task.0":                       {15, 1},
		"task.0.lead.1":                {17, 20},
		"task.1.id":                    {20, 1},
		"task.1.assignment.0.lead.0":   {22, 11},
		"task.1.assignment.1.deadline": {24, 3},
		"task.1.assignment.1.inline.b": {25, 19},
	}
	got := scanKeys([]byte(src))
	for path, w := range want {
		if g, ok := got[path]; !ok || g != w {
			t.Errorf("%s at %v (found %v), want %v", path, g, ok, w)
		}
	}
	if _, ok := got["dòng"]; ok {
		t.Error("a line inside a multi-line string was taken for a key")
	}
}

// FuzzScanKeys: the key scanner never panics, and on TOML the decoder accepts it finds
// every top-level key the decoder finds.
func FuzzScanKeys(f *testing.F) {
	for _, s := range []string{"a = 1\n[b]\nc = [1, 2]\n", "[[t]]\nid = \"x\"\n[[t.u]]\nv = '''\n'''\n", "a = \"\\\"\"\n", "x = { y = [ { z = 1 } ] }"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		keys := scanKeys([]byte(src))
		var data map[string]any
		if _, err := toml.Decode(src, &data); err != nil {
			return
		}
		for k := range data {
			if _, ok := keys[k]; !ok && isBare(k) {
				t.Errorf("key %q not found by the scanner", k)
			}
		}
	})
}

func isBare(k string) bool {
	if k == "" {
		return false
	}
	for _, c := range k {
		if !(c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return false
		}
	}
	return true
}

func TestValidateSuccessorCycle(t *testing.T) {
	set := &Set{Authorities: []*AgencyFile{{
		source:    source{File: "agencies/x.toml", keys: keyPositions{"agency.0.successor": {3, 1}}},
		ID:        "x",
		Authority: Authority{Name: "X", Level: vocab.AuthorityLevel{Level: vocab.Province}},
		Agencies: []AgencyRec{
			{ID: "a", Name: "A", Kind: vocab.AgencyKindOffice, Level: vocab.AgencyLevel{Level: vocab.Province}, Successor: "b", SuccessorDate: date2025},
			{ID: "b", Name: "B", Kind: vocab.AgencyKindOffice, Level: vocab.AgencyLevel{Level: vocab.Province}, Successor: "a", SuccessorDate: date2025},
		},
	}}}
	err := Validate(set, nil)
	if err == nil || !strings.Contains(err.Error(), "agencies/x.toml:3:1: successor: chuỗi cơ quan kế nhiệm quay vòng") {
		t.Errorf("Validate = %v, want a cycle reported at agencies/x.toml:3:1", err)
	}
}

var date2025 = time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
