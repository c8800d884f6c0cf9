package agencymatch

import (
	"testing"

	"congkhai/generator/content"
)

func registry() []*content.AgencyFile {
	return []*content.AgencyFile{{
		ID:        "an-giang",
		Authority: content.Authority{Name: "Tỉnh An Giang"},
		Agencies: []content.AgencyRec{
			{ID: "so-tu-phap", Name: "Sở Tư pháp tỉnh An Giang", ShortNames: []string{"Sở Tư pháp"}},
			{ID: "so-tttt", Name: "Sở Thông tin và Truyền thông tỉnh An Giang", ShortNames: []string{"Sở TT&TT"}},
			{ID: "ubnd-cap-xa", Name: "Ủy ban nhân dân các xã, phường, thị trấn thuộc tỉnh An Giang", ShortNames: []string{"UBND cấp xã"}},
			{ID: "vp-ubnd", Name: "Văn phòng Ủy ban nhân dân tỉnh An Giang", Aliases: []string{"VP UBND tỉnh"}},
		},
	}, {
		ID:        "vinh-long",
		Authority: content.Authority{Name: "Tỉnh Vĩnh Long"},
		Agencies:  []content.AgencyRec{{ID: "so-tu-phap", Name: "Sở Tư pháp tỉnh Vĩnh Long", ShortNames: []string{"Sở Tư pháp"}}},
	}}
}

func TestMatch(t *testing.T) {
	m := New(registry()[:1])
	tests := map[string]string{
		"Sở Tư pháp":                   "an-giang/so-tu-phap",
		"SỞ TƯ PHÁP TỈNH AN GIANG":     "an-giang/so-tu-phap",
		"So Tu phap":                   "an-giang/so-tu-phap",
		"Sở Tư pháp.":                  "an-giang/so-tu-phap",
		"Sở Thông tin và Truyền thông": "an-giang/so-tttt",
		"Sở TT&TT":                     "an-giang/so-tttt",
		"Ủy ban nhân dân cấp xã":       "an-giang/ubnd-cap-xa",
		"UBND cấp xã":                  "an-giang/ubnd-cap-xa",
		"Văn phòng UBND tỉnh An Giang": "an-giang/vp-ubnd",
		"VP UBND tỉnh An Giang":        "an-giang/vp-ubnd",
		"VP. UBND tỉnh":                "an-giang/vp-ubnd",
		"Sở Xây dựng":                  "",
		"":                             "",
	}
	for name, want := range tests {
		got, ok := m.Match(name)
		if got != want || ok != (want != "") {
			t.Errorf("Match(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}

func TestAmbiguousNamesAreNotGuessed(t *testing.T) {
	m := New(registry())
	if ref, ok := m.Match("Sở Tư pháp"); ok {
		t.Errorf("Match of a name two registries share = %q, want no match", ref)
	}
	if got := len(m.Candidates("Sở Tư pháp")); got != 2 {
		t.Errorf("Candidates = %d, want 2", got)
	}
	if ref, ok := m.Match("Sở Tư pháp tỉnh Vĩnh Long"); !ok || ref != "vinh-long/so-tu-phap" {
		t.Errorf("Match with the place name = %q, %v", ref, ok)
	}
}

func TestNearest(t *testing.T) {
	m := New(registry()[:1])
	if got := m.Nearest("Sở Tư phap tinh"); got != "an-giang/so-tu-phap" {
		t.Errorf("Nearest = %q", got)
	}
	if got := m.Nearest("Bộ Quốc phòng Hoa Kỳ"); got != "" {
		t.Errorf("Nearest of an unrelated name = %q, want none", got)
	}
	for _, name := range []string{"Cục quản lý xuất nhập cảnh", "Sở Lao động-Thương binh và Xã hội", "Văn phòng Đăng ký đất đai"} {
		if got := m.Nearest(name); got != "" {
			t.Errorf("Nearest(%q) = %q: another kind of agency, or too far to suggest", name, got)
		}
	}
}
