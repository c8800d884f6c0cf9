package render

import (
	"image"
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	qr "github.com/piglig/go-qr"
)

// rasterize draws the QR code of an SVG that qrSVG wrote, scale pixels a module, by reading
// its path as a phone would see it: the runs of each row, one module thick.
func rasterize(t *testing.T, svg string, scale int) image.Image {
	t.Helper()
	m := regexp.MustCompile(`viewBox="0 0 (\d+) (\d+)".*<path stroke="#000" d="([^"]*)"/>`).FindStringSubmatch(svg)
	if m == nil {
		t.Fatalf("not a QR code of qrSVG: %.200s", svg)
	}
	side, _ := strconv.Atoi(m[1])
	img := image.NewGray(image.Rect(0, 0, side*scale, side*scale))
	for i := range img.Pix {
		img.Pix[i] = 0xff
	}
	var x, y float64
	for _, cmd := range regexp.MustCompile(`[Mmh][^Mmh]*`).FindAllString(m[3], -1) {
		args := strings.Fields(cmd[1:])
		num := func(i int) float64 {
			v, err := strconv.ParseFloat(args[i], 64)
			if err != nil {
				t.Fatalf("path %q: %v", cmd, err)
			}
			return v
		}
		switch cmd[0] {
		case 'M':
			x, y = num(0), num(1)
		case 'm':
			x, y = x+num(0), y+num(1)
		case 'h':
			n := num(0)
			for px := int(x) * scale; px < int(x+n)*scale; px++ {
				for py := int(y-0.5) * scale; py < int(y+0.5)*scale; py++ {
					img.SetGray(px, py, color.Gray{})
				}
			}
			x += n
		}
	}
	return img
}

// A page's QR code, as drawn, reads back as its address, and the same address always
// draws the same bytes.
func TestQRReadsBack(t *testing.T) {
	for _, text := range []string{
		"https://congkhai.example.gov.vn/",
		"https://congkhai.example.gov.vn/thu-tuc/1.000894/",
		"https://congkhai.example.gov.vn/so/ubnd/ke-hoach/an-giang-2025-kiem-soat-tthc/trien-khai-he-thong-thong-tin-giai-quyet-tthc/",
		"mailto:vanthu@example.gov.vn",
		"https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fac-7489-b53b-9abf27aa2c08?ma=1&b=<c>",
	} {
		svg, err := qrSVG(text, "nhãn")
		if err != nil {
			t.Fatal(err)
		}
		if again, _ := qrSVG(text, "nhãn"); again != svg {
			t.Errorf("%s: two drawings differ", text)
		}
		got, err := qr.Decode(rasterize(t, string(svg), 4))
		if err != nil || got != text {
			t.Errorf("the QR code of %q reads %q, %v", text, got, err)
		}
	}
	if _, err := qrSVG(strings.Repeat("https://x.example/", 300), ""); err == nil {
		t.Error("an address too long for a QR code gave one")
	}
}

// On the kiosk, a link to another host becomes its text with a QR code of its address;
// links inside the site, and everything else, stay byte for byte.
func TestKioskLinks(t *testing.T) {
	page := `<p>Xem <a href="https://dichvucong.gov.vn/p/1" title="Cổng">Cổng <strong>Dịch vụ công</strong></a> và <a href="../thu-tuc/index.html">thủ tục</a>, <a href="#nv-1">dòng</a>.</p>` +
		`<ul class="evidence"><li><a href="HTTP://example.org/a?b=1&amp;c=2">Số 12/QĐ</a></li><li><a href="//cdn.example.org/x">x</a></li>` +
		`<li><a href="mailto:a@example.gov.vn">mailto:a@example.gov.vn</a></li><li><a id="neo">neo</a></li></ul>` +
		`<script>var s = "<a href='https://x.example'>";</script>`
	got := string(kioskLinks([]byte(page)))
	if strings.Contains(strings.ToLower(got), `href="http`) || strings.Contains(got, `href="//`) || strings.Contains(got, `href="mailto`) {
		t.Errorf("a link to another host is left:\n%s", got)
	}
	for _, want := range []string{
		`Xem <span class="ext">Cổng <strong>Dịch vụ công</strong></span> <span class="ext-qr"><svg class="qr"`,
		`aria-label="Mã QR của địa chỉ https://dichvucong.gov.vn/p/1"`,
		`Quét mã để mở trên điện thoại: <span class="ext-url">https://dichvucong.gov.vn/p/1</span>`,
		`<a href="../thu-tuc/index.html">thủ tục</a>, <a href="#nv-1">dòng</a>.</p>`,
		`<span class="ext-url">HTTP://example.org/a?b=1&amp;c=2</span>`,
		`<span class="ext">x</span>`,
		`<span class="ext">mailto:a@example.gov.vn</span> <span class="ext-qr">`,
		`<li><a id="neo">neo</a></li>`,
		`<script>var s = "<a href='https://x.example'>";</script>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, `<span class="ext-url">mailto:`) {
		t.Error("a link whose text is its address shows the address twice")
	}
	if plain := `<p>Không có liên kết ngoài: <a href="index.html">trang chủ</a>.</p>`; string(kioskLinks([]byte(plain))) != plain {
		t.Errorf("a page without links to other hosts changed: %s", kioskLinks([]byte(plain)))
	}
}

// The precache manifest lists every file with its revision, sorted; its version is a hash
// of the list, which the service worker states.
func TestKioskFiles(t *testing.T) {
	s := &Set{r: &renderer{opts: Options{Kiosk: &Kiosk{IdleSeconds: 120, WarningSeconds: 30}}, kioskWorker: []byte("self.x = VERSION;\n")}}
	revs := map[string]string{"index.html": Revision([]byte("a")), "assets/kiosk.1.js": Revision([]byte("b")), "thu-tuc/1.0/index.html": Revision([]byte("c"))}
	files, err := s.KioskFiles(revs)
	if err != nil {
		t.Fatal(err)
	}
	m := ReadKioskManifest(files[0].Data)
	if files[0].Path != KioskManifestPath || files[1].Path != KioskWorkerPath || m == nil {
		t.Fatalf("files %s, %s; manifest %s", files[0].Path, files[1].Path, files[0].Data)
	}
	var urls []string
	for _, f := range m.Files {
		urls = append(urls, f.URL)
		if f.Revision != revs[f.URL] || len(f.Revision) != 16 {
			t.Errorf("%s: revision %q, want %q", f.URL, f.Revision, revs[f.URL])
		}
	}
	if strings.Join(urls, " ") != "assets/kiosk.1.js index.html thu-tuc/1.0/index.html" {
		t.Errorf("files %v, want them all, sorted", urls)
	}
	if !strings.HasPrefix(string(files[1].Data), "// congkhai kiosk, build "+m.Version+".\nconst VERSION = \""+m.Version+"\";\nself.x") {
		t.Errorf("the worker begins %q", files[1].Data)
	}
	again, _ := s.KioskFiles(revs)
	revs["index.html"] = Revision([]byte("A"))
	changed, _ := s.KioskFiles(revs)
	if string(again[0].Data) != string(files[0].Data) || ReadKioskManifest(changed[0].Data).Version == m.Version {
		t.Error("the manifest is not a function of the revisions")
	}
	if _, err := s.KioskFiles(map[string]string{"sw.js": "x"}); err == nil {
		t.Error("the worker listed in its own manifest")
	}
}
