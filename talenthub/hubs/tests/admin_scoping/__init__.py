"""The back office shows and offers an operator only their own hub's rows and people.

Models of apps above this one are reached by label (apps.get_model) and admin URL, so these tests
import nothing upwards."""
