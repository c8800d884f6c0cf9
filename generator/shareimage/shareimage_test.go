package shareimage

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var sample = Card{
	Kicker: "Nhiệm vụ 3 · Kiểm soát TTHC 2025 (An Giang)",
	Title:  "Rà soát, đánh giá, đề xuất phương án đơn giản hóa thủ tục hành chính, giấy tờ công dân liên quan đến quản lý dân cư thuộc phạm vi chức năng quản lý của các sở, ngành",
	Status: "Quá hạn · hạn 31/12/2025", StatusColor: color.RGBA{0xb3, 0x1b, 0x1b, 0xff},
	Agency: "Chủ trì: Sở Tư pháp tỉnh An Giang", Footer: "Công khai kế hoạch kiểm soát thủ tục hành chính · Số liệu đến ngày 06/12/2026",
	Illustrative: true,
}

// A card is a 1200×630 PNG, the same bytes each time; CONGKHAI_SHARE_IMAGE=path writes it
// out to be looked at.
func TestCard(t *testing.T) {
	a, err := sample.PNG()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := sample.PNG()
	if !bytes.Equal(a, b) {
		t.Error("two drawings of one card differ")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	if r := img.Bounds(); r.Dx() != Width || r.Dy() != Height {
		t.Errorf("size %v", r)
	}
	if p := os.Getenv("CONGKHAI_SHARE_IMAGE"); p != "" {
		os.WriteFile(filepath.Clean(p), a, 0o644)
	}
}

// Every Vietnamese letter, in both cases and both weights, has a glyph in the bundled fonts:
// none is drawn as the font's "missing" box.
func TestFontsHaveVietnamese(t *testing.T) {
	if err := fonts(); err != nil {
		t.Fatal(err)
	}
	letters := "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
	for _, f := range []struct {
		name string
		ttf  []byte
	}{{"Regular", regularTTF}, {"Bold", boldTTF}} {
		fc, _ := face(regular, 20)
		if f.name == "Bold" {
			fc, _ = face(bold, 20)
		}
		for _, r := range letters + strings.ToUpper(letters) + "₫…·–—“”" {
			if _, ok := fc.GlyphAdvance(r); !ok {
				t.Errorf("%s: no glyph for %q", f.name, r)
			}
		}
	}
}

func BenchmarkCard(b *testing.B) {
	for b.Loop() {
		if _, err := sample.PNG(); err != nil {
			b.Fatal(err)
		}
	}
}
