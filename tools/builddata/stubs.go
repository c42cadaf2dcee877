package main

func (b *builder) agents() (int, error)   { return 0, nil }
func (b *builder) triggers() (int, error) { return 0, nil }
