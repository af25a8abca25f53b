console.log("Nested Market API: not yet wired");
