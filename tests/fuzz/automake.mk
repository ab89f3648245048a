# fuzz programs
