package model

import (
	"fmt"
	"testing"
)

func TestNamedParts(t *testing.T) {
	noiVu := &Agency{Name: "Sở Nội vụ tỉnh Vĩnh Long", ShortNames: []string{"Sở Nội vụ"}, Aliases: []string{"Cơ quan thường trực BCĐ CCHC tỉnh"}}
	vp := &Agency{Name: "Văn phòng Ủy ban nhân dân tỉnh", ShortNames: []string{"Văn phòng UBND tỉnh"}}
	show := func(p *Printed) string {
		if p == nil {
			return "nil"
		}
		s := ""
		for _, n := range p.Parts {
			if n.Agency != nil {
				s += "[" + n.Text + "]"
			} else {
				s += n.Text
			}
		}
		return s + fmt.Sprintf(" aliased %d", len(p.Aliased))
	}
	for _, tt := range []struct {
		printed  string
		agencies []*Agency
		want     string
	}{
		{"Sở Nội vụ", []*Agency{noiVu}, "[Sở Nội vụ] aliased 0"},
		{"sở nội vụ.", []*Agency{noiVu}, "[sở nội vụ.] aliased 0"},
		{"Cơ quan thường trực BCĐ CCHC tỉnh", []*Agency{noiVu}, "[Cơ quan thường trực BCĐ CCHC tỉnh] aliased 1"},
		{"Văn phòng UBND tỉnh;\nSở Nội vụ", []*Agency{vp, noiVu}, "[Văn phòng UBND tỉnh]; [Sở Nội vụ] aliased 0"},
		{"Văn phòng UBND tỉnh, Sở Nội vụ", []*Agency{vp, noiVu}, "[Văn phòng UBND tỉnh], [Sở Nội vụ] aliased 0"},
		{"Sở Nội vụ; Văn phòng UBND tỉnh", []*Agency{vp, noiVu}, "nil"}, // another order: not cut
		{"Sở Nội vụ và các cơ quan liên quan", []*Agency{noiVu}, "nil"},
		{"", []*Agency{noiVu}, "nil"},
		{"Sở Nội vụ", nil, "nil"},
	} {
		if got := show(NamedParts(tt.printed, tt.agencies)); got != tt.want {
			t.Errorf("NamedParts(%q) = %s; want %s", tt.printed, got, tt.want)
		}
	}
}
