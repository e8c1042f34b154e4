from giamsat.api.tests.fixtures import module_world, world

__all__ = ["module_world", "world"]
