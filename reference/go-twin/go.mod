module psem.invalid/gotwin

go 1.19
