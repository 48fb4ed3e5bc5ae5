# class keyword without a name.
class :
    pass
