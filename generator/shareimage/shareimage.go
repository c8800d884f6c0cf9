// Package shareimage draws the picture a link shows when it is pasted into Zalo, Facebook or
// a chat: a 1200×630 PNG with the page's title, its status and its agency, in Vietnamese,
// drawn at build time with a bundled font that has every Vietnamese letter (Noto Sans,
// subset, SIL Open Font License: fonts/OFL.txt).
package shareimage

import (
	"bytes"
	_ "embed"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Size of a share image, as Open Graph and Twitter cards expect.
const (
	Width  = 1200
	Height = 630
)

//go:embed fonts/NotoSans-Regular.ttf
var regularTTF []byte

//go:embed fonts/NotoSans-Bold.ttf
var boldTTF []byte

// Card is what an image shows.
type Card struct {
	Kicker       string     // above the title: what the page is ("Nhiệm vụ · Kiểm soát TTHC 2025 (An Giang)")
	Title        string     // the page's title, wrapped on up to four lines
	Status       string     // a status in words, "" for none
	StatusColor  color.RGBA // its colour; the words say it too
	Agency       string     // who is responsible, "" for none
	Footer       string     // the site's name and the as-of day
	Illustrative bool       // marks the card "Dữ liệu minh họa"
}

var (
	fontsOnce       sync.Once
	regular, bold   *opentype.Font
	fontErr         error
	accent          = color.RGBA{0x8a, 0x1c, 0x1c, 0xff}
	ink             = color.RGBA{0x1b, 0x1f, 0x24, 0xff}
	muted           = color.RGBA{0x55, 0x60, 0x6e, 0xff}
	illustrativeInk = color.RGBA{0x8a, 0x5a, 0x00, 0xff}
)

func fonts() error {
	fontsOnce.Do(func() {
		if regular, fontErr = opentype.Parse(regularTTF); fontErr == nil {
			bold, fontErr = opentype.Parse(boldTTF)
		}
	})
	return fontErr
}

func face(f *opentype.Font, size float64) (font.Face, error) {
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// PNG draws the card. The same card gives the same bytes.
func (c Card) PNG() ([]byte, error) {
	if err := fonts(); err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, Width, Height))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, 0, Width, 16), image.NewUniform(accent), image.Point{}, draw.Src)
	draw.Draw(img, image.Rect(0, Height-90, Width, Height), image.NewUniform(color.RGBA{0xf3, 0xf5, 0xf7, 0xff}), image.Point{}, draw.Src)
	const left, right = 72, Width - 72

	kicker, err := face(regular, 30)
	if err != nil {
		return nil, err
	}
	y := 92
	for _, line := range wrap(kicker, c.Kicker, right-left, 1) {
		text(img, kicker, line, left, y, muted)
		y += 42
	}
	title, err := face(bold, 54)
	if err != nil {
		return nil, err
	}
	y += 40
	for _, line := range wrap(title, c.Title, right-left, 4) {
		text(img, title, line, left, y, ink)
		y += 68
	}
	small, err := face(regular, 30)
	if err != nil {
		return nil, err
	}
	if c.Agency != "" {
		for _, line := range wrap(small, c.Agency, right-left, 1) {
			text(img, small, line, left, 448, muted)
		}
	}
	if c.Status != "" {
		st, err := face(bold, 34)
		if err != nil {
			return nil, err
		}
		w := font.MeasureString(st, c.Status).Ceil()
		box := image.Rect(left-4, 470, left+w+40, 522)
		draw.Draw(img, box, image.NewUniform(c.StatusColor), image.Point{}, draw.Src)
		text(img, st, c.Status, left+16, 509, color.RGBA{0xff, 0xff, 0xff, 0xff})
		if c.Illustrative {
			text(img, small, "Dữ liệu minh họa", box.Max.X+24, 507, illustrativeInk)
		}
	} else if c.Illustrative {
		text(img, small, "Dữ liệu minh họa", left, 507, illustrativeInk)
	}
	foot, err := face(regular, 26)
	if err != nil {
		return nil, err
	}
	for _, line := range wrap(foot, c.Footer, right-left, 1) {
		text(img, foot, line, left, Height-36, muted)
	}
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, quantize(img, c.StatusColor)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// quantize turns the drawing into a paletted image: each pair of a text colour and the
// ground it is drawn on, blended in 16 steps for the edges of letters. A card has few
// colours, so nothing visible is lost, and the file is a fraction of the size.
func quantize(img *image.RGBA, status color.RGBA) *image.Paletted {
	white := color.RGBA{0xff, 0xff, 0xff, 0xff}
	band := color.RGBA{0xf3, 0xf5, 0xf7, 0xff}
	var pal color.Palette
	seen := map[color.RGBA]bool{}
	add := func(c color.RGBA) {
		if !seen[c] {
			seen[c] = true
			pal = append(pal, c)
		}
	}
	for _, pair := range [][2]color.RGBA{{white, ink}, {white, muted}, {white, illustrativeInk}, {white, accent}, {status, white}, {band, muted}, {white, status}} {
		for i := 0; i <= 15; i++ {
			add(blend(pair[0], pair[1], i, 15))
		}
	}
	out := image.NewPaletted(img.Bounds(), pal)
	cache := map[color.RGBA]uint8{}
	for i := 0; i < len(img.Pix); i += 4 {
		c := color.RGBA{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}
		idx, ok := cache[c]
		if !ok {
			idx = uint8(pal.Index(c))
			cache[c] = idx
		}
		out.Pix[i/4] = idx
	}
	return out
}

func blend(a, b color.RGBA, i, n int) color.RGBA {
	mix := func(x, y uint8) uint8 { return uint8((int(x)*(n-i) + int(y)*i + n/2) / n) }
	return color.RGBA{mix(a.R, b.R), mix(a.G, b.G), mix(a.B, b.B), 0xff}
}

func text(img draw.Image, f font.Face, s string, x, y int, c color.Color) {
	d := font.Drawer{Dst: img, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}

// wrap breaks s into at most n lines no wider than width, the last ending with "…" when the
// text goes on.
func wrap(f font.Face, s string, width, n int) []string {
	words := strings.Fields(s)
	var lines []string
	cur := ""
	for _, w := range words {
		try := strings.TrimSpace(cur + " " + w)
		if font.MeasureString(f, try).Ceil() <= width || cur == "" {
			cur = try
			continue
		}
		lines = append(lines, cur)
		cur = w
		if len(lines) == n {
			last := lines[n-1]
			for font.MeasureString(f, last+" …").Ceil() > width && strings.Contains(last, " ") {
				last = last[:strings.LastIndex(last, " ")]
			}
			lines[n-1] = last + " …"
			return lines
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}
