# bench programs
