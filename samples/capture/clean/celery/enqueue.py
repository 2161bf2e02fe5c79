from tasks import resize_image, send_welcome_email

results = [send_welcome_email.delay(i) for i in (41, 42, 43)] + [resize_image.delay("img-7", 640), resize_image.delay("img-8", 320)]
for r in results:
    r.get(timeout=10)
