package content

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"congkhai/generator/diag"
)

// decodeTOML decodes src into v (a pointer to a record struct) and reports, at their
// positions, syntax errors, unknown keys and values of the wrong type: all of them, not only
// the first. Values of the wrong type are left out and the rest is decoded, so that the
// validate stage can report the record's other problems too. It returns false if v could
// not be filled at all.
func decodeTOML(src *source, text []byte, v any, errs *diag.List) bool {
	src.text = text
	if err := CheckNesting(src.File, text); err != nil {
		var e *diag.Error
		if errors.As(err, &e) {
			e.Pos.Line += src.line
		}
		errs.Append(err)
		return false
	}
	// Fast path: most files are fine, and decoding straight into the record (into a fresh
	// value, so that a failure leaves v untouched) parses them once.
	fresh := reflect.New(reflect.TypeOf(v).Elem())
	md, err := toml.Decode(string(text), fresh.Interface())
	if err == nil && len(md.Keys()) == 0 {
		// Every file has required keys: say so once, not once for each.
		what := "tệp trống"
		if src.line > 0 {
			what = "phần khai báo giữa hai dòng +++ trống"
		}
		errs.Add(diag.Pos{File: src.File, Line: 1 + src.line, Col: 1}, "%s: chưa có khóa nào (xem README.md, mục Nội dung)", what)
		return false
	}
	if err == nil && len(md.Undecoded()) == 0 {
		copyDecoded(reflect.ValueOf(v).Elem(), fresh.Elem())
		return true
	}
	var data map[string]any
	if _, err := toml.Decode(string(text), &data); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// The decoder does not always know where (a control character: offset -1).
			errs.Add(diag.Pos{File: src.File, Line: max(pe.Position.Line, 1) + src.line, Col: charCol(text, pe.Position.Start)},
				"cú pháp TOML: %s", pe.Message)
		} else {
			errs.Add(diag.Pos{File: src.File, Line: 1 + src.line, Col: 1}, "cú pháp TOML: %v", err)
		}
		return false
	}
	n := len(*errs)
	checkShape(reflect.TypeOf(v).Elem(), data, "", src, errs)
	if len(*errs) == n {
		_, err := toml.Decode(string(text), v)
		return err == nil
	}
	// Decode what is left of the data after the bad values were pruned.
	var buf bytes.Buffer
	if err := toml.NewEncoder(&buf).Encode(data); err != nil {
		return false
	}
	_, err = toml.Decode(buf.String(), v)
	return err == nil
}

// copyDecoded copies the fields TOML fills from src to dst, leaving the fields the loader set
// (tagged "-", and the embedded source) as they are.
func copyDecoded(dst, src reflect.Value) {
	t := dst.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		switch tag := f.Tag.Get("toml"); {
		case tag == "-":
		case f.Anonymous && tag == "" && f.Type.Kind() == reflect.Struct && f.IsExported():
			copyDecoded(dst.Field(i), src.Field(i))
		case f.IsExported():
			dst.Field(i).Set(src.Field(i))
		}
	}
}

// charCol turns a byte offset into a 1-based column counted in characters, as editors show it.
func charCol(text []byte, off int) int {
	off = min(max(off, 0), len(text))
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return utf8.RuneCount(text[start:off]) + 1
}

var (
	timeType          = reflect.TypeOf(time.Time{})
	textUnmarshalType = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
)

// fields lists the TOML keys of a struct type, flattening embedded structs.
func fields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("toml")
		switch {
		case tag == "-":
		case f.Anonymous && tag == "":
			for k, v := range fields(f.Type) {
				out[k] = v
			}
		case f.IsExported() && tag != "":
			out[tag] = f.Type
		}
	}
	return out
}

// checkShape compares decoded TOML data with the Go type it will be decoded into, reporting
// every mismatch. It removes unknown keys and values of the wrong type from the maps it
// walks, and returns false if data itself is of the wrong type and must be removed.
func checkShape(t reflect.Type, data any, path string, src *source, errs *diag.List) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	bad := func(format string, args ...any) bool {
		errs.Add(src.Pos(path), format, args...)
		return false
	}
	switch {
	case t == timeType:
		d, ok := data.(time.Time)
		switch {
		case !ok:
			if s, ok := data.(string); ok {
				return bad("%s: cần một ngày viết không có ngoặc kép, ví dụ 2024-12-31, không phải chuỗi %q", keyName(path), s)
			}
			return bad("%s: cần một ngày dạng 2024-12-31", keyName(path))
		case d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0:
			return bad("%s: chỉ ghi ngày (2024-12-31), không ghi giờ", keyName(path))
		}
	case reflect.PointerTo(t).Implements(textUnmarshalType):
		// A value of a closed list (package vocab): a key of its table.
		s, ok := data.(string)
		if !ok {
			return bad("%s: cần một chuỗi trong ngoặc kép", keyName(path))
		}
		if err := reflect.New(t).Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(s)); err != nil {
			errs.Append(&diag.Error{Pos: src.Pos(path), Msg: keyName(path) + ": " + err.Error(), Err: err})
			return false
		}
	case t.Kind() == reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			return bad("%s: cần một bảng TOML", keyName(path))
		}
		known := fields(t)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			ft, ok := known[k]
			if !ok {
				errs.Add(src.Pos(join(path, k)), "khóa không hợp lệ %q (các khóa được phép: %s)", k, strings.Join(slices.Sorted(maps.Keys(known)), ", "))
			}
			if !ok || !checkShape(ft, m[k], join(path, k), src, errs) {
				delete(m, k)
				if src.dropped == nil {
					src.dropped = map[string]bool{}
				}
				src.dropped[join(path, k)] = true
			}
		}
	case t.Kind() == reflect.Slice:
		if ms, ok := data.([]map[string]any); ok { // arrays of tables decode to this
			for i, m := range ms {
				checkShape(t.Elem(), m, join(path, strconv.Itoa(i)), src, errs)
			}
			return true
		}
		list, ok := data.([]any)
		if !ok {
			return bad("%s: cần một danh sách, ví dụ [\"a\", \"b\"]", keyName(path))
		}
		keep := true
		for i, e := range list {
			keep = checkShape(t.Elem(), e, join(path, strconv.Itoa(i)), src, errs) && keep
		}
		return keep
	case t.Kind() == reflect.String:
		if _, ok := data.(string); !ok {
			return bad("%s: cần một chuỗi trong ngoặc kép", keyName(path))
		}
	case t.Kind() == reflect.Int:
		if _, ok := data.(int64); !ok {
			return bad("%s: cần một số nguyên", keyName(path))
		}
	case t.Kind() == reflect.Bool:
		if _, ok := data.(bool); !ok {
			return bad("%s: cần true hoặc false", keyName(path))
		}
	case t.Kind() == reflect.Float64:
		switch data.(type) {
		case float64, int64:
		default:
			return bad("%s: cần một số, ví dụ 58.72", keyName(path))
		}
	case t.Kind() == reflect.Map: // free-form tables (a petitioner's details): any shape
		if _, ok := data.(map[string]any); !ok {
			return bad("%s: cần một bảng TOML", keyName(path))
		}
	default:
		panic(fmt.Sprintf("content: no shape check for %v", t))
	}
	return true
}

// keyName is the last key of a path, for messages: "task.3.lead.1" -> "lead[1]".
func keyName(path string) string {
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := strconv.Atoi(parts[i]); err != nil {
			name := parts[i]
			if i < len(parts)-1 {
				name += "[" + parts[len(parts)-1] + "]"
			}
			return name
		}
	}
	return path
}
