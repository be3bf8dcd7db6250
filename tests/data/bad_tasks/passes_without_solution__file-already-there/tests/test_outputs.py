from pathlib import Path
# Defect: checks only that the input exists, which is true before anything is done.
def test_input(): assert Path('/app/task_file/sales.csv').exists()
