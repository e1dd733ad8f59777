// Command agekey writes a new age identity to the file named by its
// argument and prints the public key, for .ci/container-test (the machine
// has no age-keygen).
package main

import (
	"fmt"
	"os"

	"filippo.io/age"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: agekey IDENTITY-FILE")
		os.Exit(2)
	}
	id, err := age.GenerateX25519Identity()
	if err == nil {
		err = os.WriteFile(os.Args[1], []byte(id.String()+"\n"), 0o600)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "agekey:", err)
		os.Exit(1)
	}
	fmt.Println(id.Recipient())
}
