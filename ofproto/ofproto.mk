# (sources listed here as they land)
