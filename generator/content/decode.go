package content

import (
	"bytes"
	"errors"
	"fmt"
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
// the first. It returns false if v could not be filled.
func decodeTOML(src *source, text []byte, v any, errs *diag.List) bool {
	var data map[string]any
	if _, err := toml.Decode(string(text), &data); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			errs.Add(diag.Pos{File: src.File, Line: pe.Position.Line + src.line, Col: charCol(text, pe.Position.Start)},
				"cú pháp TOML: %s", pe.Message)
		} else {
			errs.Add(diag.Pos{File: src.File}, "cú pháp TOML: %v", err)
		}
		return false
	}
	src.keys = scanKeys(text)
	n := len(*errs)
	checkShape(reflect.TypeOf(v).Elem(), data, "", src, errs)
	if len(*errs) > n {
		return false
	}
	if _, err := toml.Decode(string(text), v); err != nil { // the shape was checked: not expected
		errs.Add(diag.Pos{File: src.File}, "%v", err)
		return false
	}
	return true
}

// charCol turns a byte offset into a 1-based column counted in characters, as editors show it.
func charCol(text []byte, off int) int {
	if off > len(text) {
		off = len(text)
	}
	start := bytes.LastIndexByte(text[:off], '\n') + 1
	return utf8.RuneCount(text[start:off]) + 1
}

var timeType = reflect.TypeOf(time.Time{})

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

// checkShape compares decoded TOML data with the Go type it will be decoded into.
func checkShape(t reflect.Type, data any, path string, src *source, errs *diag.List) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	at := func() diag.Pos { return src.Pos(path) }
	switch {
	case t == timeType:
		if d, ok := data.(time.Time); !ok {
			if s, ok := data.(string); ok {
				errs.Add(at(), "%s: cần một ngày viết không có ngoặc kép, ví dụ 2024-12-31, không phải chuỗi %q", keyName(path), s)
			} else {
				errs.Add(at(), "%s: cần một ngày dạng 2024-12-31", keyName(path))
			}
		} else if d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 {
			errs.Add(at(), "%s: chỉ ghi ngày (2024-12-31), không ghi giờ", keyName(path))
		}
	case t.Kind() == reflect.Struct:
		m, ok := data.(map[string]any)
		if !ok {
			errs.Add(at(), "%s: cần một bảng TOML", keyName(path))
			return
		}
		known := fields(t)
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			ft, ok := known[k]
			if !ok {
				errs.Add(src.Pos(join(path, k)), "khóa không hợp lệ %q (các khóa được phép: %s)", k, strings.Join(sortedKeys(known), ", "))
				continue
			}
			checkShape(ft, m[k], join(path, k), src, errs)
		}
	case t.Kind() == reflect.Slice:
		list, ok := data.([]any)
		if !ok {
			if ms, ok := data.([]map[string]any); ok { // arrays of tables decode to this
				for i, m := range ms {
					checkShape(t.Elem(), m, join(path, strconv.Itoa(i)), src, errs)
				}
				return
			}
			errs.Add(at(), "%s: cần một danh sách, ví dụ [\"a\", \"b\"]", keyName(path))
			return
		}
		for i, e := range list {
			checkShape(t.Elem(), e, join(path, strconv.Itoa(i)), src, errs)
		}
	case t.Kind() == reflect.String:
		if _, ok := data.(string); !ok {
			errs.Add(at(), "%s: cần một chuỗi trong ngoặc kép", keyName(path))
		}
	case t.Kind() == reflect.Int:
		if _, ok := data.(int64); !ok {
			errs.Add(at(), "%s: cần một số nguyên", keyName(path))
		}
	case t.Kind() == reflect.Bool:
		if _, ok := data.(bool); !ok {
			errs.Add(at(), "%s: cần true hoặc false", keyName(path))
		}
	default:
		panic(fmt.Sprintf("content: no shape check for %v", t))
	}
}

func sortedKeys(m map[string]reflect.Type) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
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
