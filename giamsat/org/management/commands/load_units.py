from django.core.management.base import BaseCommand

from giamsat.org.actions import load_vietnam_registry


class Command(BaseCommand):
    help = "Nạp danh mục 34 tỉnh, thành phố (sau sáp nhập 2025), 63 tỉnh cũ và các sở của các tỉnh mẫu."

    def handle(self, *args: object, **options: object) -> None:
        result = load_vietnam_registry()
        self.stdout.write(f"Đơn vị: thêm {result['created']}, tổng {result['total']}.")
