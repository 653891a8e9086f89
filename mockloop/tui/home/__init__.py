"""Home: past sessions, trends, the prep plan and a start form (`mockloop` alone)."""
