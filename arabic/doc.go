// Package arabic is Marsad's Arabic text pipeline: normalisation for
// matching (with a map back to original offsets), sentence splitting,
// tokenisation and clitic segmentation.
//
// Offsets are Unicode code point offsets into the original text. The
// normalised forms are for matching only; nothing here changes the text a
// user sees.
package arabic
