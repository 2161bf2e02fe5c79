def count_words(text):
    return len(text.split())


def make_thumbnail(image_id):
    return f"thumb-{image_id}.jpg"
