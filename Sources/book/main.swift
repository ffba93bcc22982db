print("book")
